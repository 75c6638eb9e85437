package dev.retort.dialect.h2;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.application.port.out.ScriptDialect;
import dev.retort.core.domain.DatabaseException;
import dev.retort.dialect.jdbc.JdbcConnections;
import dev.retort.dialect.jdbc.JdbcScriptDialect;
import dev.retort.dialect.jdbc.JdbcVersionTableSql;
import dev.retort.dialect.jdbc.SqlErrors;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * H2 2.x in its own (regular) mode: URLs {@code jdbc:h2:<file>}, {@code jdbc:h2:mem:<name>},
 * {@code jdbc:h2:tcp://...}. Listed in
 * {@code META-INF/services/dev.retort.core.application.port.out.DialectProvider}; stateless.
 */
public class H2DialectProvider implements DialectProvider {
    /** The dialect's name, also the key for H2-only raw SQL ({@code sql: {h2: "..."}}). */
    public static final String NAME = "h2";
    static final String DRIVER = "org.h2.Driver";
    private static final String PREFIX = "jdbc:h2:";
    private static final String PRODUCT = "H2";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Connects, then makes the configured schema (if any) the current one, so tables and the
     * version table live there.
     *
     * @throws DatabaseException naming the masked URL when the driver is missing, the database
     *         cannot be opened, or the schema does not exist
     */
    @Override
    public Dialect open(ConnectionSettings settings) {
        if (!accepts(settings.url())) {
            throw new DatabaseException("Not an H2 URL: " + settings.maskedUrl() + "; H2 URLs look like jdbc:h2:./app or jdbc:h2:mem:app");
        }
        JdbcConnections.requireDriver(settings, PRODUCT, DRIVER, "com.h2database:h2");
        Connection connection = JdbcConnections.open(settings, driverUrl(settings.url()), PRODUCT,
                "check the path, that no other process has the database file open, and the user and password");
        if (settings.schema() != null) {
            try (Statement st = connection.createStatement()) {
                st.execute("SET SCHEMA " + SqlQuoting.ANSI.identifier(settings.schema()));
            } catch (SQLException e) {
                closeQuietly(connection);
                throw new DatabaseException("Cannot use schema " + settings.schema() + " on " + settings.maskedUrl() + ": "
                        + SqlErrors.describe(e, settings.password()) + "; create it (CREATE SCHEMA "
                        + SqlQuoting.ANSI.identifier(settings.schema()) + ") or change the schema setting", e);
            }
        }
        return new H2Dialect(connection, settings);
    }

    /**
     * The URL for the driver: with {@code DATABASE_TO_LOWER=TRUE} unless it chooses a case itself,
     * so unquoted names in raw SQL and check expressions ({@code qty >= 0}) mean the lower-case
     * names Retort quotes, as on PostgreSQL; H2's own mode would read them as {@code QTY}.
     */
    static String driverUrl(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        return upper.contains(";DATABASE_TO_LOWER=") || upper.contains(";DATABASE_TO_UPPER=") ? url : url + ";DATABASE_TO_LOWER=TRUE";
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
        return new JdbcScriptDialect(NAME, H2Dialect.CAPABILITIES, H2Dialect.RENDERER,
                new JdbcVersionTableSql(SqlQuoting.ANSI, settings.schema(), settings.versionTable()), H2Dialect.NORMALIZER);
    }
}
