package dev.retort.core.application.port.out;

/**
 * A dialect bound to one open connection. Not thread-safe: one command uses it at a time.
 * Statements run in auto-commit mode unless {@link #begin()} opened a transaction.
 */
public interface Dialect extends ScriptDialect, AutoCloseable {

    SchemaInspector inspector();

    VersionStore versionStore();

    /** @return the history table on this connection */
    HistoryStore historyStore();

    /**
     * Takes the database-wide migration lock (PostgreSQL advisory lock, MySQL GET_LOCK, SQLite
     * a write transaction), waiting up to {@code timeout}; {@code waiting} is told once when the
     * lock is held by someone else. Close the result to release it.
     *
     * @throws dev.retort.core.domain.DatabaseException when the lock is not free within the timeout
     */
    MigrationLock lock(java.time.Duration timeout, java.util.function.Consumer<String> waiting);

    /** Starts a transaction. */
    void begin();

    void commit();

    /** Rolls back the open transaction; does nothing when none is open. Never throws. */
    void rollback();

    /**
     * Runs one statement.
     *
     * @throws dev.retort.core.domain.DatabaseException with the database's message
     */
    void execute(String sql);

    /** Closes the connection. Never throws. */
    @Override
    void close();
}
