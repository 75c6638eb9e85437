package dev.retort.dialect.jdbc;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.DialectCapabilities;
import dev.retort.core.application.port.out.HistoryStore;
import dev.retort.core.application.port.out.VersionStore;
import dev.retort.core.application.port.out.VersionTableSql;
import dev.retort.core.domain.DatabaseException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Base for dialects over one JDBC {@link Connection}: transactions by toggling auto-commit,
 * statements with errors wrapped in {@link DatabaseException}, and a {@link JdbcVersionStore}.
 * Not thread-safe, like the connection it owns.
 */
public abstract class JdbcDialect implements Dialect {
    private final String name;
    private final Connection connection;
    private final ConnectionSettings settings;
    private final SqlQuoting quoting;
    private final DialectCapabilities capabilities;
    private VersionStore versionStore;

    /**
     * @param name       the dialect's name ({@code sqlite}, {@code postgres}, {@code mysql})
     * @param connection an open connection in auto-commit mode; this dialect closes it
     * @param settings   the settings it was opened with (for the version table and for masking)
     */
    protected JdbcDialect(String name, Connection connection, ConnectionSettings settings, SqlQuoting quoting,
                          DialectCapabilities capabilities) {
        this.name = Objects.requireNonNull(name, "name");
        this.connection = Objects.requireNonNull(connection, "connection");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.quoting = Objects.requireNonNull(quoting, "quoting");
        this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public DialectCapabilities capabilities() {
        return capabilities;
    }

    /** @return a {@link JdbcVersionStore} on {@link ConnectionSettings#versionTable()}, created once */
    @Override
    public VersionStore versionStore() {
        if (versionStore == null) {
            versionStore = new JdbcVersionStore(this, settings.versionTable());
        }
        return versionStore;
    }

    private HistoryStore historyStore;

    /** @return a {@link JdbcHistoryStore} on {@link ConnectionSettings#historyTable()}, created once */
    @Override
    public HistoryStore historyStore() {
        if (historyStore == null) {
            historyStore = new JdbcHistoryStore(this, settings.historyTable());
        }
        return historyStore;
    }

    @Override
    public VersionTableSql versionTableSql() {
        return new JdbcVersionTableSql(quoting, settings.versionTable());
    }

    /** The connection this dialect owns, for its inspector and version store. Do not close it. */
    public Connection connection() {
        return connection;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public SqlQuoting quoting() {
        return quoting;
    }

    /** @return whether a transaction opened by {@link #begin()} is still open */
    public boolean inTransaction() {
        try {
            return !connection.getAutoCommit();
        } catch (SQLException e) {
            throw error("Cannot read the transaction state", e);
        }
    }

    /**
     * @throws IllegalStateException when a transaction is already open
     * @throws DatabaseException when the driver refuses
     */
    @Override
    public void begin() {
        if (inTransaction()) {
            throw new IllegalStateException("a transaction is already open on this " + name + " connection");
        }
        try {
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw error("Cannot start a transaction", e);
        }
    }

    /**
     * Commits and returns to auto-commit. When the commit fails the transaction may still be open;
     * call {@link #rollback()}.
     *
     * @throws IllegalStateException when no transaction is open
     * @throws DatabaseException when the commit fails
     */
    @Override
    public void commit() {
        if (!inTransaction()) {
            throw new IllegalStateException("commit without begin on this " + name + " connection");
        }
        try {
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw error("Cannot commit", e);
        }
    }

    @Override
    public void rollback() {
        try {
            if (!connection.isClosed() && !connection.getAutoCommit()) {
                try {
                    connection.rollback();
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException | RuntimeException e) {
            // Never throws: rollback runs while another error is already being reported.
        }
    }

    /** @throws DatabaseException with the database's message, the SQLState and an excerpt of the statement */
    @Override
    public void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new DatabaseException(SqlErrors.describe(e, settings.password()) + " -- in: " + SqlErrors.excerpt(sql), e);
        }
    }

    /**
     * Whether a table exists in the schema this connection works in. The default reads JDBC
     * metadata for the connection's current catalog and schema; dialects may query their catalog.
     *
     * @param table the exact, unquoted table name
     * @throws DatabaseException when the catalog cannot be read
     */
    public boolean tableExists(String table) {
        try {
            DatabaseMetaData md = connection.getMetaData();
            String escape = md.getSearchStringEscape();
            String pattern = escape == null || escape.isEmpty() ? table
                    : table.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
            try (ResultSet rs = md.getTables(connection.getCatalog(), connection.getSchema(), pattern, new String[] {"TABLE"})) {
                while (rs.next()) {
                    if (table.equals(rs.getString("TABLE_NAME"))) {
                        return true;
                    }
                }
                return false;
            }
        } catch (SQLException e) {
            throw error("Cannot look up table " + table, e);
        }
    }

    /**
     * Whether a catalog query with one string parameter finds a row: the shape every dialect's
     * {@link #tableExists} override takes.
     */
    protected final boolean finds(String sql, String parameter, String what) {
        try (java.sql.PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw error("Cannot look up " + what, e);
        }
    }

    /** @return a {@link DatabaseException} whose message is {@code what}, then the database's message */
    public DatabaseException error(String what, SQLException e) {
        return new DatabaseException(what + ": " + SqlErrors.describe(e, settings.password()), e);
    }

    /** Rolls back an open transaction, then closes the connection. Never throws. */
    @Override
    public void close() {
        rollback();
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            // Never throws: close runs in finally blocks.
        }
    }
}
