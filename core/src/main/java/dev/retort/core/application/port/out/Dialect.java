package dev.retort.core.application.port.out;

/**
 * A dialect bound to one open connection. Not thread-safe: one command uses it at a time.
 * Statements run in auto-commit mode unless {@link #begin()} opened a transaction.
 */
public interface Dialect extends ScriptDialect, AutoCloseable {

    SchemaInspector inspector();

    VersionStore versionStore();

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
