package dev.retort.dialect.sqlite;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.application.port.out.ScriptDialect;
import dev.retort.dialect.jdbc.JdbcScriptDialect;
import dev.retort.dialect.jdbc.JdbcVersionTableSql;
import dev.retort.dialect.jdbc.SqlQuoting;
import dev.retort.core.domain.DatabaseException;
import dev.retort.dialect.jdbc.JdbcConnections;
import dev.retort.dialect.jdbc.SqlErrors;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** SQLite through the xerial driver: URLs {@code jdbc:sqlite:<file>}. Foreign keys are switched on for every connection. */
public class SqliteDialectProvider implements DialectProvider {
    /** The dialect's name, also the key for SQLite-only raw SQL. */
    public static final String NAME = "sqlite";
    private static final String PREFIX = "jdbc:sqlite:";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Opens the database file, creating it when missing (its directory must exist), and runs
     * {@code PRAGMA foreign_keys = ON}, which SQLite otherwise leaves off per connection.
     *
     * @throws DatabaseException naming the masked URL when the file's directory is missing or the
     *         file cannot be opened
     */
    @Override
    public Dialect open(ConnectionSettings settings) {
        if (!accepts(settings.url())) {
            throw new DatabaseException("Not a SQLite URL: " + settings.maskedUrl() + "; SQLite URLs look like jdbc:sqlite:app.db");
        }
        Path directory = missingDirectory(settings.url());
        if (directory != null) {
            throw new DatabaseException("Cannot open SQLite database " + settings.maskedUrl() + ": directory " + directory
                    + " does not exist; create it, or point the url at an existing directory");
        }
        SqliteNativeLibrary.prepare();
        Connection connection = JdbcConnections.open(settings, settings.url(), "SQLite",
                "check that the path is right and the file and its directory are writable");
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA foreign_keys = ON");
            // Reading the catalog once makes a file that is not a database fail here, not mid-command.
            st.executeQuery("SELECT 1 FROM sqlite_schema LIMIT 1").close();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseException("Cannot open SQLite database " + settings.maskedUrl() + ": " + SqlErrors.describe(e, settings.password())
                    + "; check that the url points at a SQLite database file", e);
        }
        return new SqliteDialect(connection, settings);
    }

    /**
     * False when the URL names a file that is missing or empty (SQLite writes nothing to a new file
     * until its first change): opening it would create the database. In-memory and resource
     * databases exist.
     */
    @Override
    public boolean exists(ConnectionSettings settings) {
        if (!accepts(settings.url())) {
            return true;
        }
        Path file = databaseFile(settings.url());
        if (file == null || missingDirectory(settings.url()) != null) {
            return true;   // in memory, or a folder that is not there: opening reports that
        }
        try {
            return Files.size(file) > 0;
        } catch (java.io.IOException e) {
            return Files.exists(file);   // missing: false; there but unreadable: opening reports it
        }
    }

    /** @return the database file's directory when the URL names a file whose directory does not exist, else null */
    static Path missingDirectory(String url) {
        Path file = databaseFile(url);
        if (file == null) {
            return null;
        }
        Path parent = file.getParent();
        return parent == null || Files.isDirectory(parent) ? null : parent;
    }

    /** @return the database file a URL names, absolute, or null for an in-memory or resource database */
    static Path databaseFile(String url) {
        String path = url.substring(PREFIX.length());
        if (path.toLowerCase(Locale.ROOT).contains("mode=memory")) {
            return null;
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        String lower = path.toLowerCase(Locale.ROOT);
        if (path.isBlank() || lower.startsWith(":") || lower.startsWith("file::memory:") || lower.startsWith("resource:")) {
            return null;
        }
        if (lower.startsWith("file:")) {
            path = path.substring(5);
            if (path.startsWith("//")) {
                int slash = path.indexOf('/', 2);
                path = slash < 0 ? "" : path.substring(slash);
            }
        }
        try {
            return Path.of(path).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The open failure is what gets reported.
        }
    }

    @Override
    public ScriptDialect offline(ConnectionSettings settings) {
        return new JdbcScriptDialect(NAME, SqliteDialect.CAPABILITIES, SqliteDialect.RENDERER,
                new JdbcVersionTableSql(SqlQuoting.ANSI, settings.versionTable()), SqliteDialect.NORMALIZER);
    }
}
