package dev.retort.dialect.sqlite;

import dev.retort.core.application.port.out.MigrationLock;
import dev.retort.core.domain.DatabaseException;
import dev.retort.dialect.jdbc.LockWait;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An operating-system lock on {@code <database file>.retort-lock}. SQLite has no session locks
 * that outlive a transaction, and Retort commits once per revision; a file lock is held across the
 * whole run and the OS drops it when the process dies, so {@code kill -9} cannot leave it behind.
 * Threads of one JVM are serialised by a set of held paths, since the OS lock is per process.
 */
final class SqliteMigrationLock implements MigrationLock {
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private SqliteMigrationLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /** @param database the database file, or null for an in-memory database (nothing to lock) */
    static MigrationLock acquire(Path database, Duration timeout, Consumer<String> waiting) {
        if (database == null) {
            return () -> { };
        }
        Path path = database.toAbsolutePath().normalize().resolveSibling(database.getFileName() + ".retort-lock");
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DatabaseException("Cannot open the migration lock file " + path + ": " + e.getMessage()
                    + "; check that the database's directory is writable", e);
        }
        FileLock[] held = new FileLock[1];
        try {
            LockWait.acquire(() -> {
                if (!HELD_IN_THIS_JVM.add(path)) {
                    return false;
                }
                try {
                    held[0] = channel.tryLock();
                } catch (IOException | OverlappingFileLockException e) {
                    held[0] = null;
                }
                if (held[0] == null) {
                    HELD_IN_THIS_JVM.remove(path);
                    return false;
                }
                return true;
            }, () -> "another process (lock file " + path.getFileName() + ")", timeout, waiting, "on " + database.getFileName());
        } catch (RuntimeException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // Reporting the lock failure matters more.
            }
            throw e;
        }
        return new SqliteMigrationLock(path, channel, held[0]);
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException | RuntimeException e) {
            // The OS releases it when the process ends.
        } finally {
            HELD_IN_THIS_JVM.remove(path);
        }
    }
}
