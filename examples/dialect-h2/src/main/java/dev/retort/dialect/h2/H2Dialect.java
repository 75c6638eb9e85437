package dev.retort.dialect.h2;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.DdlRenderer;
import dev.retort.core.application.port.out.DialectCapabilities;
import dev.retort.core.application.port.out.MigrationLock;
import dev.retort.core.application.port.out.SchemaInspector;
import dev.retort.core.application.port.out.SchemaNormalizer;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.sql.Connection;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * H2 on one connection, working in the connection's current schema. The version and history
 * tables, transactions and statement errors come from {@link JdbcDialect}; this class only names
 * H2's parts. Not thread-safe, like the connection.
 */
public class H2Dialect extends JdbcDialect {
    /** H2 commits before every DDL statement, so a failed revision keeps its earlier statements, as on MySQL. */
    static final DialectCapabilities CAPABILITIES = new DialectCapabilities(false, true, true, true);
    static final H2DdlRenderer RENDERER = new H2DdlRenderer();
    static final H2SchemaNormalizer NORMALIZER = new H2SchemaNormalizer();

    private final H2SchemaInspector inspector;

    H2Dialect(Connection connection, ConnectionSettings settings) {
        super(H2DialectProvider.NAME, connection, settings, SqlQuoting.ANSI, CAPABILITIES);
        this.inspector = new H2SchemaInspector(this);
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

    /** See {@link H2MigrationLock}: H2 has no advisory lock. */
    @Override
    public MigrationLock lock(Duration timeout, Consumer<String> waiting) {
        return H2MigrationLock.acquire(settings(), timeout, waiting);
    }
}
