package dev.retort.core.application.port.out;

/**
 * A stateless descriptor of one database kind (Flyway's {@code DatabaseType}). Dialect modules list
 * their provider in {@code META-INF/services/dev.retort.core.application.port.out.DialectProvider}.
 */
public interface DialectProvider {

    /** @return a short lower-case name: {@code sqlite}, {@code postgres}, {@code mysql} */
    String name();

    /** @return whether this dialect handles the JDBC URL */
    boolean accepts(String jdbcUrl);

    /**
     * Opens a connection.
     *
     * @throws dev.retort.core.domain.DatabaseException when the database cannot be reached; the
     *         message names the URL with its password masked
     */
    Dialect open(ConnectionSettings settings);

    /**
     * Whether the database is there. Only an embedded database that opening would create (an
     * SQLite file that is missing or empty) answers false: commands then check their input before
     * creating it, and read-only ones report it at base without creating it. Reads nothing but
     * the file system; never connects.
     */
    default boolean exists(ConnectionSettings settings) {
        return true;
    }

    /**
     * The dialect without a database, for offline scripts.
     *
     * @param settings only {@code versionTable} and {@code schema} are used; no connection is made
     */
    ScriptDialect offline(ConnectionSettings settings);
}
