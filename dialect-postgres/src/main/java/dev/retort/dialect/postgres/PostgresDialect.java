package dev.retort.dialect.postgres;

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
 * PostgreSQL on one connection. Works in the configured schema (which
 * {@link PostgresDialectProvider#open} made the {@code search_path}), else in
 * {@code current_schema()}: tables, enum types and the version table are created there unqualified
 * and only that schema is inspected. DDL is transactional, so a revision and its version-table
 * change commit or roll back together.
 */
public class PostgresDialect extends JdbcDialect {
    static final DialectCapabilities CAPABILITIES = new DialectCapabilities(true, true, true, true);
    static final PostgresDdlRenderer RENDERER = new PostgresDdlRenderer();
    static final PostgresSchemaNormalizer NORMALIZER = new PostgresSchemaNormalizer();

    private final PostgresSchemaInspector inspector;

    PostgresDialect(Connection connection, ConnectionSettings settings) {
        super(PostgresDialectProvider.NAME, connection, settings, SqlQuoting.ANSI, CAPABILITIES);
        this.inspector = new PostgresSchemaInspector(connection, settings);
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
    public SchemaNormalizer normalizer() {
        return NORMALIZER;
    }

    /** Looks only in {@code current_schema()}, where unqualified CREATE TABLE puts tables. */
    @Override
    public boolean tableExists(String table) {
        return finds("SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relname = ? AND c.relkind IN ('r', 'p')", table, "table " + table);
    }

    /** A session-level advisory lock; see {@link PostgresMigrationLock}. */
    @Override
    public MigrationLock lock(Duration timeout, Consumer<String> waiting) {
        return PostgresMigrationLock.acquire(this, timeout, waiting);
    }
}
