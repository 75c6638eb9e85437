package dev.retort.dialect.postgres;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.application.port.out.ScriptDialect;
import dev.retort.core.application.port.out.VersionTableSql;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.revision.VersionChange;
import dev.retort.dialect.jdbc.JdbcConnections;
import dev.retort.dialect.jdbc.JdbcScriptDialect;
import dev.retort.dialect.jdbc.JdbcVersionTableSql;
import dev.retort.dialect.jdbc.SqlErrors;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL through pgJDBC: URLs {@code jdbc:postgresql://host:port/database}. */
public class PostgresDialectProvider implements DialectProvider {
    /** The dialect's name, also the key for PostgreSQL-only raw SQL. */
    public static final String NAME = "postgres";
    static final String DRIVER = "org.postgresql.Driver";
    private static final String PREFIX = "jdbc:postgresql:";
    private static final String PRODUCT = "PostgreSQL";

    private final String driverClass;

    public PostgresDialectProvider() {
        this(DRIVER);
    }

    /** @param driverClass the JDBC driver class to require; another name only in tests of a missing driver */
    PostgresDialectProvider(String driverClass) {
        this.driverClass = driverClass;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * Connects with the settings' user and password, which win over the URL's. When a schema is set, checks
     * it exists and makes it the {@code search_path}, so tables, enum types and the version table
     * live there.
     *
     * @throws DatabaseException on one line naming the masked URL, the server's message and a hint,
     *         when the driver is missing, the server cannot be reached, refuses the login, the
     *         database or the schema does not exist
     */
    @Override
    public Dialect open(ConnectionSettings given) {
        if (!accepts(given.url())) {
            throw new DatabaseException("Not a PostgreSQL URL: " + given.maskedUrl() + "; PostgreSQL URLs look like jdbc:postgresql://host:5432/db");
        }
        ConnectionSettings settings = withUserInfo(given);
        JdbcConnections.requireDriver(settings, PRODUCT, driverClass, "org.postgresql:postgresql");
        Connection connection = JdbcConnections.open(settings, driverUrl(settings), PRODUCT, PostgresDialectProvider::hint, driverDefaults());
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

    /**
     * {@code prepareThreshold=0}: no named server-side statements. pgJDBC otherwise prepares a
     * statement on the server after 5 uses, and in a migration run it prepared the version
     * UPDATE, the history INSERT and COMMIT again under a new name in every revision (S_101,
     * S_102, …; seen with {@code log_statement=all}): the session held three more prepared
     * statements per revision, 15,000 after 5,000 revisions, until it closed. A migration runs
     * each statement a few times, so unnamed statements cost nothing measurable (5,000 revisions:
     * 13.5–16.2 s either way on a noisy server). A {@code prepareThreshold} in the URL wins.
     */
    static java.util.Properties driverDefaults() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("prepareThreshold", "0");
        return p;
    }

    /**
     * {@code jdbc:postgresql://user:password@host:5432/db}, the form SQLAlchemy and Alembic users
     * write: pgJDBC does not take user info in the URL, and when the password holds a {@code /}
     * it logs the whole URL, password included, as a warning. So the user and password become
     * the settings' (percent-decoded; a user or password the settings give wins), and
     * {@link #driverUrl} hands the driver the URL without them; messages keep showing the URL as
     * written, its password masked. The part before the last {@code @} counts as user info when
     * a path follows the host ({@code @host/db}) or it holds no {@code /}; otherwise (a database
     * name with an {@code @}, {@code //host:5432/db@x}) the URL is left alone.
     */
    static ConnectionSettings withUserInfo(ConnectionSettings settings) {
        String[] info = userInfo(settings.url());
        if (info == null) {
            return settings;
        }
        return new ConnectionSettings(settings.url(), settings.user() != null ? settings.user() : percentDecoded(info[1]),
                settings.password() != null ? settings.password() : info[2] == null ? null : percentDecoded(info[2]),
                settings.schema(), settings.versionTable(), settings.historyTable());
    }

    /** @return the URL without its user info, the user and the password (or null), or null without user info */
    private static String[] userInfo(String url) {
        int start = url.indexOf("//");
        if (start < 0) {
            return null;
        }
        int end = url.indexOf('?', start);
        end = end < 0 ? url.length() : end;
        String authorityAndPath = url.substring(start + 2, end);
        int at = authorityAndPath.lastIndexOf('@');
        if (at <= 0) {
            return null;
        }
        String info = authorityAndPath.substring(0, at);
        String rest = authorityAndPath.substring(at + 1);
        int colon = info.indexOf(':');
        String user = colon < 0 ? info : info.substring(0, colon);
        if (rest.isEmpty() || user.isEmpty() || user.contains("/") || (!rest.contains("/") && info.contains("/"))) {
            return null;
        }
        return new String[] {url.substring(0, start + 2) + rest + url.substring(end), user, colon < 0 ? null : info.substring(colon + 1)};
    }

    /** {@code %XX} decoded as UTF-8; anything else, a malformed escape included, as written. */
    private static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(s.charAt(i + 1), 16) * 16 + Character.digit(s.charAt(i + 2), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * The URL for the driver: without user info ({@link #withUserInfo}), and without its
     * {@code user} / {@code password} parameters when the
     * settings give them, because pgJDBC lets the URL's win over the connection properties and
     * the settings (flags, environment) must win over the URL.
     */
    static String driverUrl(ConnectionSettings settings) {
        String[] info = userInfo(settings.url());
        String url = info == null ? settings.url() : info[0];
        int q = url.indexOf('?');
        if (q < 0 || (settings.user() == null && settings.password() == null)) {
            return url;
        }
        List<String> kept = new ArrayList<>();
        for (String param : url.substring(q + 1).split("&")) {
            String key = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
            boolean overridden = (key.equalsIgnoreCase("user") && settings.user() != null)
                    || (key.equalsIgnoreCase("password") && settings.password() != null);
            if (!overridden && !param.isEmpty()) {
                kept.add(param);
            }
        }
        return url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /** What to check, by the SQLState of a failed connection. */
    static String hint(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "28P01" -> "the password was refused: check the user and password (the password setting, RETORT_PASSWORD or the URL)";
            case "28000" -> "the server refused this user: check that the role exists and may log in, and that pg_hba.conf allows it from this host";
            case "3D000" -> "the database does not exist: create it (CREATE DATABASE) or fix the database name in the URL";
            case "53300" -> "the server has no free connection slots: retry later, or raise max_connections";
            case "08001", "08004", "08006" -> "check that the server is running and accepts connections at this host and port";
            default -> "check that the server is running and the host, port, database, user and password are right";
        };
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
            st.execute(searchPath(schema));
        }
        return true;
    }

    static String searchPath(String schema) {
        return "SET search_path TO " + SqlQuoting.ANSI.identifier(schema);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // The open failure is what gets reported.
        }
    }

    /**
     * The dialect for offline scripts. With a schema set, the version table is named with its
     * schema in every statement, and the statements creating it (at the start of a script that
     * begins at base) first {@code SET search_path}, so the script's tables land where online
     * runs put them.
     */
    @Override
    public ScriptDialect offline(ConnectionSettings settings) {
        JdbcVersionTableSql table = new JdbcVersionTableSql(SqlQuoting.ANSI, settings.schema(), settings.versionTable());
        VersionTableSql sql = settings.schema() == null ? table : new VersionTableSql() {
            @Override
            public List<String> create() {
                List<String> out = new ArrayList<>();
                out.add(searchPath(settings.schema()));
                out.addAll(table.create());
                return out;
            }

            @Override
            public String change(VersionChange change) {
                return table.change(change);
            }
        };
        return new JdbcScriptDialect(NAME, PostgresDialect.CAPABILITIES, PostgresDialect.RENDERER, sql, PostgresDialect.NORMALIZER);
    }
}
