package dev.retort.dialect.jdbc;

import dev.retort.core.domain.DatabaseException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Polls a try-lock until it succeeds or the timeout passes, telling the user once that it waits. */
public final class LockWait {
    private LockWait() {
    }

    /**
     * @param tryLock returns true when the lock was taken
     * @param holder  describes who holds the lock, for the waiting message and the timeout error
     * @throws DatabaseException when the timeout passes
     */
    public static void acquire(BooleanSupplier tryLock, Supplier<String> holder, Duration timeout, Consumer<String> waiting, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        long sleep = 20;
        while (!tryLock.getAsBoolean()) {
            if (!told) {
                waiting.accept("waiting for the migration lock " + what + " held by " + holder.get() + " (up to " + timeout.toSeconds() + " s)");
                told = true;
            }
            if (System.nanoTime() > deadline) {
                throw new DatabaseException("timed out after " + timeout.toSeconds() + " s waiting for the migration lock " + what
                        + " held by " + holder.get() + "; another migration is running — wait for it, or raise lock_timeout");
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DatabaseException("interrupted while waiting for the migration lock " + what, e);
            }
            sleep = Math.min(sleep * 2, 500);
        }
    }

    /** A stable 64-bit key for a lock name (PostgreSQL advisory locks take a bigint). */
    public static long key(String name) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (d[i] & 0xff);
            }
            return v;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
