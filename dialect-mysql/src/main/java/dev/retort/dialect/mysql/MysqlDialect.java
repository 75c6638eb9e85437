package dev.retort.dialect.mysql;

import java.util.function.Consumer;
import java.time.Duration;
import dev.retort.core.application.port.out.MigrationLock;
import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.DdlRenderer;
import dev.retort.core.application.port.out.DialectCapabilities;
import dev.retort.core.application.port.out.SchemaInspector;
import dev.retort.core.application.port.out.SchemaNormalizer;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * MySQL or MariaDB on one connection, in its current database. DDL is not transactional: the
 * server commits before and after each DDL statement, so a revision that fails half-way leaves
 * its earlier statements applied (the version table is only updated after all of them ran).
 * Not thread-safe.
 */
public class MysqlDialect extends JdbcDialect {
    static final DialectCapabilities CAPABILITIES = new DialectCapabilities(false, true, true, true);
    static final MysqlDdlRenderer RENDERER = new MysqlDdlRenderer();
    static final MysqlSchemaNormalizer NORMALIZER = new MysqlSchemaNormalizer();

    private final MysqlSchemaInspector inspector;
    private final boolean mariadb;

    /**
     * @param connection an open connection with a current database, in auto-commit mode; closed by {@link #close()}
     * @param mariadb    whether the server is MariaDB
     */
    MysqlDialect(Connection connection, ConnectionSettings settings, boolean mariadb) {
        super(MysqlDialectProvider.NAME, connection, settings, SqlQuoting.MYSQL, CAPABILITIES);
        this.mariadb = mariadb;
        this.inspector = new MysqlSchemaInspector(connection, settings.versionTable(), settings.historyTable(), mariadb);
    }

    /** @return whether the server is MariaDB rather than MySQL */
    public boolean mariadb() {
        return mariadb;
    }

    @Override
    public DdlRenderer renderer() {
        return RENDERER;
    }

    @Override
    public SchemaInspector inspector() {
        return inspector;
    }

    /** @return {@link MysqlSchemaNormalizer} */
    @Override
    public SchemaNormalizer normalizer() {
        return NORMALIZER;
    }

    @Override
    public boolean tableExists(String table) {
        return finds("SELECT 1 FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')", table, "table " + table);
    }

    /** A named {@code GET_LOCK}; see {@link MysqlMigrationLock}. */
    @Override
    public MigrationLock lock(Duration timeout, Consumer<String> waiting) {
        return MysqlMigrationLock.acquire(this, timeout, waiting);
    }
}
