package dev.retort.dialect.h2;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.MigrationLock;
import dev.retort.dialect.jdbc.LockWait;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * The migration lock, held in this JVM per database URL and version table. H2 has no advisory
 * lock; an embedded H2 database is open in one process at a time (H2 locks the file), so within
 * that process this lock is database-wide. It is not across processes sharing a database through
 * H2's server mode or {@code AUTO_SERVER=TRUE}: a production dialect for such setups would keep a
 * lock row in a table. A semaphore, not a lock, because the releasing thread may differ.
 */
final class H2MigrationLock implements MigrationLock {
    private static final Map<String, Semaphore> LOCKS = new ConcurrentHashMap<>();

    private final Semaphore semaphore;
    private boolean released;

    private H2MigrationLock(Semaphore semaphore) {
        this.semaphore = semaphore;
    }

    static MigrationLock acquire(ConnectionSettings settings, Duration timeout, Consumer<String> waiting) {
        String key = settings.url() + "|" + settings.schema() + "|" + settings.versionTable();
        Semaphore semaphore = LOCKS.computeIfAbsent(key, k -> new Semaphore(1));
        LockWait.acquire(semaphore::tryAcquire, () -> "another migration in this JVM", timeout, waiting, "(H2, in-process)");
        return new H2MigrationLock(semaphore);
    }

    @Override
    public synchronized void close() {
        if (!released) {
            released = true;
            semaphore.release();
        }
    }
}
