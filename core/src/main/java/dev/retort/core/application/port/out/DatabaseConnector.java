package dev.retort.core.application.port.out;

/** Opens the configured database on demand, so commands that need none never connect. */
public interface DatabaseConnector {

    /**
     * @throws dev.retort.core.domain.DatabaseException when the database cannot be reached
     * @throws dev.retort.core.domain.DialectNotFoundException when no dialect accepts the URL
     */
    Dialect connect();

    /**
     * @return false when the database does not exist yet and {@link #connect()} would create it (a
     *         new SQLite file); see {@link DialectProvider#exists}. Never connects.
     */
    default boolean exists() {
        return true;
    }

    /** @return the version table's name */
    String versionTable();

    /** @return the history table's name */
    default String historyTable() {
        return ConnectionSettings.DEFAULT_HISTORY_TABLE;
    }

    /**
     * @return the names of the installed dialects, against which {@code sql} operations' per-dialect
     *         keys are checked before a run; empty (the default) checks nothing
     */
    default java.util.Set<String> dialectNames() {
        return java.util.Set.of();
    }

    /**
     * @return whether each revision commits by itself ({@code transaction_per_migration: true}, the
     *         default), or a whole run is one transaction where the database has transactional DDL
     */
    default boolean transactionPerMigration() {
        return true;
    }

    /** @return how long to wait for the migration lock */
    default java.time.Duration lockTimeout() {
        return java.time.Duration.ofSeconds(60);
    }
}
