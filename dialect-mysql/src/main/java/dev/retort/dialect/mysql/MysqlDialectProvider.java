package dev.retort.dialect.mysql;

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
import java.sql.Connection;
import java.sql.SQLException;

/**
 * MySQL 8 and MariaDB 10.11+ through MySQL Connector/J: URLs {@code jdbc:mysql://host:3306/db}
 * and {@code jdbc:mariadb://...}, which is rewritten to {@code jdbc:mysql:} because Connector/J
 * understands only that prefix.
 */
public class MysqlDialectProvider implements DialectProvider {
    /** The dialect's name, also the key for MySQL-only raw SQL. */
    public static final String NAME = "mysql";
    private static final String MYSQL = "jdbc:mysql:";
    private static final String MARIADB = "jdbc:mariadb:";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && (startsWith(jdbcUrl, MYSQL) || startsWith(jdbcUrl, MARIADB));
    }

    private static boolean startsWith(String url, String prefix) {
        return url.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** @return the URL Connector/J accepts for {@code url} */
    static String driverUrl(String url) {
        return startsWith(url, MARIADB) ? MYSQL + url.substring(MARIADB.length()) : url;
    }

    /**
     * Connects with the settings' user and password (else the URL's). The URL must name a
     * database: Retort works in the current database.
     *
     * @throws DatabaseException naming the masked URL when the server cannot be reached, refuses
     *         the login, or the URL names no database
     */
    @Override
    public Dialect open(ConnectionSettings settings) {
        if (!accepts(settings.url())) {
            throw new DatabaseException("Not a MySQL URL: " + settings.maskedUrl() + "; MySQL URLs look like jdbc:mysql://host:3306/db");
        }
        Connection connection = JdbcConnections.open(settings, driverUrl(settings.url()), "MySQL",
                "check that the server is running and the host, port, database, user and password are right");
        String database;
        try {
            database = connection.getCatalog();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseException("Cannot read the current database of " + settings.maskedUrl() + ": "
                    + SqlErrors.describe(e, settings.password()), e);
        }
        if (database == null || database.isEmpty()) {
            closeQuietly(connection);
            throw new DatabaseException("No database selected in " + settings.maskedUrl() + "; add it to the url, e.g. jdbc:mysql://host:3306/mydb");
        }
        return new MysqlDialect(connection, settings);
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
        return new JdbcScriptDialect(NAME, MysqlDialect.CAPABILITIES, MysqlDialect.RENDERER,
                new JdbcVersionTableSql(SqlQuoting.MYSQL, settings.versionTable()), schema -> schema);
    }
}
