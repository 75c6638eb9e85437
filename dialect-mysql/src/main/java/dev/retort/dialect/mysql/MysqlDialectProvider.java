package dev.retort.dialect.mysql;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.application.port.out.ScriptDialect;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.Secrets;
import dev.retort.dialect.jdbc.JdbcConnections;
import dev.retort.dialect.jdbc.JdbcScriptDialect;
import dev.retort.dialect.jdbc.JdbcVersionTableSql;
import dev.retort.dialect.jdbc.SqlErrors;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL 8 and MariaDB 10.11+ through MySQL Connector/J: URLs {@code jdbc:mysql://host:3306/db}
 * and {@code jdbc:mariadb://...}, which is rewritten to {@code jdbc:mysql:} because Connector/J
 * understands only that prefix. Stateless and thread-safe.
 */
public class MysqlDialectProvider implements DialectProvider {
    /** The dialect's name, also the key for MySQL-only raw SQL. */
    public static final String NAME = "mysql";
    private static final String MYSQL = "jdbc:mysql:";
    private static final String MARIADB = "jdbc:mariadb:";
    private static final String CONNECT_TIMEOUT_MS = "10000";
    private static final Pattern HOST = Pattern.compile("(?i)jdbc:(?:mysql|mariadb)://(?:[^@/?]*@)?([^/?]*).*");
    // Retort's literals escape backslashes, which the server reads as text under NO_BACKSLASH_ESCAPES.
    private static final String SESSION_SQL_MODE = "SET SESSION sql_mode = TRIM(BOTH ',' FROM REPLACE(REPLACE(CONCAT(',', @@SESSION.sql_mode, ','),"
            + " ',NO_BACKSLASH_ESCAPES,', ','), ',,', ','))";

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
     * Connects with the settings' user and password (they win over the URL's), a 10 second connect timeout
     * unless the URL sets {@code connectTimeout}, and {@code NO_BACKSLASH_ESCAPES} removed from
     * the session's sql_mode. The URL must name a database: Retort works in the current database.
     *
     * @throws DatabaseException on one line, naming the masked URL and what to check, when the
     *         server cannot be reached, refuses the login, does not know the database, or the URL
     *         names none; the password appears neither in the message nor in its causes
     */
    @Override
    public Dialect open(ConnectionSettings settings) {
        if (!accepts(settings.url())) {
            throw new DatabaseException("Not a MySQL URL: " + settings.maskedUrl() + "; MySQL URLs look like jdbc:mysql://host:3306/db");
        }
        JdbcConnections.requireDriver(settings, startsWith(settings.url(), MARIADB) ? "MariaDB" : "MySQL", "com.mysql.cj.jdbc.Driver",
                "com.mysql:mysql-connector-j");
        Properties props = new Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        if (!settings.url().toLowerCase(Locale.ROOT).contains("connecttimeout=")) {
            props.setProperty("connectTimeout", CONNECT_TIMEOUT_MS);
        }
        Connection connection;
        try {
            connection = DriverManager.getConnection(driverUrl(settings.url()), props);
        } catch (SQLException e) {
            throw connectError(settings, e);
        }
        try {
            String database = connection.getCatalog();
            if (database == null || database.isEmpty()) {
                throw new DatabaseException("No database selected in " + settings.maskedUrl()
                        + "; add it to the url, e.g. jdbc:mysql://host:3306/mydb");
            }
            boolean mariadb = connection.getMetaData().getDatabaseProductVersion().contains("MariaDB");
            try (Statement st = connection.createStatement()) {
                st.execute(SESSION_SQL_MODE);
            }
            return new MysqlDialect(connection, settings, mariadb);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new DatabaseException("Cannot prepare the session on " + settings.maskedUrl() + ": "
                    + SqlErrors.describe(e, settings.password()), sanitized(e, settings.password()));
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** One line: the masked URL, the driver's first line and root cause, and what to check. */
    static DatabaseException connectError(ConnectionSettings settings, SQLException e) {
        String product = startsWith(settings.url(), MARIADB) ? "MariaDB" : "MySQL";
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String message = firstLine(e.getMessage());
        String hint;
        if (e.getErrorCode() == 1045 || state.equals("28000")) {
            hint = "check the user and password (user= and password= in the url, or RETORT_USER and RETORT_PASSWORD)";
        } else if (e.getErrorCode() == 1049) {
            hint = "create the database first (CREATE DATABASE ...) or fix the database name in the url";
        } else if (e.getErrorCode() == 1044) {
            hint = "grant the user access to the database, or connect as a user who has it";
        } else if (state.startsWith("08")) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root != e && root.getMessage() != null) {
                message = message + " (" + firstLine(root.getMessage()) + ")";
            }
            Matcher m = HOST.matcher(settings.url());
            String where = m.matches() && !m.group(1).isEmpty() ? m.group(1) : "the host and port in the url";
            hint = "check that the server is running and accepts connections at " + where;
        } else if (message.contains("Public Key Retrieval is not allowed")) {
            hint = "add allowPublicKeyRetrieval=true to the url, or connect with SSL";
        } else {
            hint = "check that the server is running and the host, port, database, user and password are right";
        }
        if (!state.isEmpty() && !message.contains(state)) {
            message = message + " [SQLState " + state + "]";
        }
        return new DatabaseException("Cannot connect to " + product + " at " + settings.maskedUrl() + ": "
                + Secrets.mask(message, settings.password()) + "; " + hint, sanitized(e, settings.password()));
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "no message from the driver";
        }
        String t = text.strip();
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).strip();
    }

    /**
     * {@code e} itself when no message in its cause chain holds a password; otherwise a copy of
     * the chain with the passwords masked (same classes' names and stack traces kept).
     */
    static Throwable sanitized(Throwable e, String password) {
        boolean leaks = false;
        for (Throwable t = e; t != null && !leaks; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            leaks = m != null && !m.equals(Secrets.mask(m, password));
        }
        if (!leaks) {
            return e;
        }
        Throwable cause = e.getCause() == null || e.getCause() == e ? null : sanitized(e.getCause(), password);
        DatabaseException copy = new DatabaseException(e.getClass().getName() + ": " + Secrets.mask(e.getMessage(), password), cause);
        copy.setStackTrace(e.getStackTrace());
        return copy;
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
                new JdbcVersionTableSql(SqlQuoting.MYSQL, settings.versionTable()), MysqlDialect.NORMALIZER);
    }
}
