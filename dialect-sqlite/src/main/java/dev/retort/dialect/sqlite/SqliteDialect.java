package dev.retort.dialect.sqlite;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.DdlRenderer;
import dev.retort.core.application.port.out.DialectCapabilities;
import dev.retort.core.application.port.out.SchemaInspector;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** SQLite on one connection. DDL is transactional; constraints and column types change only by rebuilding a table. */
public class SqliteDialect extends JdbcDialect {
    static final DialectCapabilities CAPABILITIES = new DialectCapabilities(true, false, true, false);
    static final SqliteDdlRenderer RENDERER = new SqliteDdlRenderer();

    private final SqliteSchemaInspector inspector;

    SqliteDialect(Connection connection, ConnectionSettings settings) {
        super(SqliteDialectProvider.NAME, connection, settings, SqlQuoting.ANSI, CAPABILITIES);
        this.inspector = new SqliteSchemaInspector(connection, settings.versionTable());
    }

    @Override
    public DdlRenderer renderer() {
        return RENDERER;
    }

    @Override
    public SchemaInspector inspector() {
        return inspector;
    }

    /** SQLite table names are case-insensitive. */
    @Override
    public boolean tableExists(String table) {
        try (PreparedStatement ps = connection().prepareStatement("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND lower(name) = lower(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw error("Cannot look up table " + table, e);
        }
    }
}
