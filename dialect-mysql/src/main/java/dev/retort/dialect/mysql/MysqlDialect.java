package dev.retort.dialect.mysql;

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

/**
 * MySQL or MariaDB on one connection, in its current database. DDL is not transactional: MySQL
 * commits implicitly before and after each DDL statement, so a failed revision can leave part of
 * its changes behind.
 */
public class MysqlDialect extends JdbcDialect {
    static final DialectCapabilities CAPABILITIES = new DialectCapabilities(false, true, true, true);
    static final MysqlDdlRenderer RENDERER = new MysqlDdlRenderer();

    private final MysqlSchemaInspector inspector;

    MysqlDialect(Connection connection, ConnectionSettings settings) {
        super(MysqlDialectProvider.NAME, connection, settings, SqlQuoting.MYSQL, CAPABILITIES);
        this.inspector = new MysqlSchemaInspector(connection, settings.versionTable());
    }

    @Override
    public DdlRenderer renderer() {
        return RENDERER;
    }

    @Override
    public SchemaInspector inspector() {
        return inspector;
    }

    @Override
    public boolean tableExists(String table) {
        try (PreparedStatement ps = connection().prepareStatement("SELECT 1 FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND TABLE_TYPE = 'BASE TABLE'")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw error("Cannot look up table " + table, e);
        }
    }
}
