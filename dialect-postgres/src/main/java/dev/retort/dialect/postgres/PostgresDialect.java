package dev.retort.dialect.postgres;

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

/** PostgreSQL on one connection, working in the connection's current schema. DDL is transactional. */
public class PostgresDialect extends JdbcDialect {
    static final DialectCapabilities CAPABILITIES = new DialectCapabilities(true, true, true, true);
    static final PostgresDdlRenderer RENDERER = new PostgresDdlRenderer();

    private final PostgresSchemaInspector inspector;

    PostgresDialect(Connection connection, ConnectionSettings settings) {
        super(PostgresDialectProvider.NAME, connection, settings, SqlQuoting.ANSI, CAPABILITIES);
        this.inspector = new PostgresSchemaInspector(connection, settings.versionTable());
    }

    @Override
    public DdlRenderer renderer() {
        return RENDERER;
    }

    @Override
    public SchemaInspector inspector() {
        return inspector;
    }

    /** Looks only in {@code current_schema()}, where unqualified CREATE TABLE puts tables. */
    @Override
    public boolean tableExists(String table) {
        try (PreparedStatement ps = connection().prepareStatement("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relname = ? AND c.relkind IN ('r', 'p')")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw error("Cannot look up table " + table, e);
        }
    }
}
