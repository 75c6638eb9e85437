package dev.retort.dialect.postgres;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.dialect.jdbc.ContractFeature;
import dev.retort.dialect.jdbc.DialectContractTest;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * Runs against {@code RETORT_TEST_POSTGRES_URL}; every test works in a schema of its own, dropped
 * afterwards. The first-cut inspector reads columns, primary keys and comments only.
 */
class PostgresDialectContractTest extends DialectContractTest {
    private static final Set<ContractFeature> SUPPORTED = Set.of(ContractFeature.DEFAULTS, ContractFeature.AUTOINCREMENT, ContractFeature.COMMENTS);
    private String url;
    private String schema;

    static String urlFromEnvironment() {
        return TestDatabases.urlFromEnvironment(TestDatabases.POSTGRES_URL, "PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    }

    @Override
    protected JdbcDialect openFreshDatabase() throws Exception {
        url = urlFromEnvironment();
        schema = TestDatabases.uniqueName("retort_ct");
        adminExecute(url, "CREATE SCHEMA \"" + schema + "\"");
        return (JdbcDialect) new PostgresDialectProvider().open(new ConnectionSettings(url, null, null, schema, null));
    }

    @Override
    protected void discardDatabase() throws Exception {
        if (schema != null) {
            adminExecute(url, "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
    }

    static void adminExecute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Override
    protected boolean supports(ContractFeature feature) {
        return SUPPORTED.contains(feature);
    }

    /** binary(n) becomes BYTEA, read back as blob. */
    @Override
    protected List<ColumnType> roundTripTypes() {
        return super.roundTripTypes().stream().filter(t -> t.kind() != ColumnType.Kind.BINARY).toList();
    }
}
