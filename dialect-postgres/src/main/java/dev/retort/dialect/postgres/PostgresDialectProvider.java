package dev.retort.dialect.postgres;

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
import dev.retort.dialect.jdbc.SqlQuoting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** PostgreSQL through pgJDBC: URLs {@code jdbc:postgresql://host:port/database}. */
public class PostgresDialectProvider implements DialectProvider {
    /** The dialect's name, also the key for PostgreSQL-only raw SQL. */
    public static final String NAME = "postgres";
    private static final String PREFIX = "jdbc:postgresql:";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Connects with the settings' user and password (else the URL's). When a schema is set, checks
     * it exists and makes it the {@code search_path}, so tables and the version table live there.
     *
     * @throws DatabaseException naming the masked URL when the server cannot be reached, refuses
     *         the login, or the schema does not exist
     */
    @Override
    public Dialect open(ConnectionSettings settings) {
        if (!accepts(settings.url())) {
            throw new DatabaseException("Not a PostgreSQL URL: " + settings.maskedUrl() + "; PostgreSQL URLs look like jdbc:postgresql://host:5432/db");
        }
        Connection connection = JdbcConnections.open(settings, settings.url(), "PostgreSQL",
                "check that the server is running and the host, port, database, user and password are right");
        if (settings.schema() != null) {
            boolean exists;
            try {
                exists = useSchema(connection, settings.schema());
            } catch (SQLException e) {
                closeQuietly(connection);
                throw new DatabaseException("Cannot use schema " + settings.schema() + " on " + settings.maskedUrl() + ": "
                        + SqlErrors.describe(e, settings.password()), e);
            }
            if (!exists) {
                closeQuietly(connection);
                throw new DatabaseException("Schema " + settings.schema() + " does not exist in " + settings.maskedUrl() + "; create it (CREATE SCHEMA "
                        + SqlQuoting.ANSI.identifier(settings.schema()) + ") or change the schema setting");
            }
        }
        return new PostgresDialect(connection, settings);
    }

    /** @return false when the schema does not exist (the search path is then left alone) */
    private static boolean useSchema(Connection connection, String schema) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
            }
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SET search_path TO " + SqlQuoting.ANSI.identifier(schema));
        }
        return true;
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
        return new JdbcScriptDialect(NAME, PostgresDialect.CAPABILITIES, PostgresDialect.RENDERER,
                new JdbcVersionTableSql(SqlQuoting.ANSI, settings.versionTable()), schema -> schema);
    }
}
