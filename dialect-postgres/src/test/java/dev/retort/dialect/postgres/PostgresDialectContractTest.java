package dev.retort.dialect.postgres;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.dialect.jdbc.DialectContractTest;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.PostgresTestServer;
import dev.retort.dialect.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the whole conformance suite against {@code RETORT_TEST_POSTGRES_URL} (else a PostgreSQL 15
 * container, see {@link PostgresTestServer}); every test (and every
 * try of the property) works in a schema of its own, dropped afterwards. PostgreSQL supports every
 * contract feature and reads every portable type back (binary(n) as blob, which its normalizer
 * maps binary(n) to).
 */
class PostgresDialectContractTest extends DialectContractTest {
    private String url;
    private String schema;

    /** The server's URL: {@code RETORT_TEST_POSTGRES_URL}, else PostgreSQL 15 in Docker; see {@link PostgresTestServer}. */
    static String urlFromEnvironment() {
        return PostgresTestServer.url();
    }

    @Override
    protected JdbcDialect openFreshDatabase() throws Exception {
        url = urlFromEnvironment();
        schema = TestDatabases.uniqueName("retort_ct");
        adminExecute(url, "CREATE SCHEMA \"" + schema + "\"");
        try {
            return (JdbcDialect) new PostgresDialectProvider().open(new ConnectionSettings(url, null, null, schema, null));
        } catch (RuntimeException | Error e) {
            discardDatabase();
            throw e;
        }
    }

    @Override
    protected void discardDatabase() throws Exception {
        if (schema != null) {
            adminExecute(url, "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
            schema = null;
        }
    }

    static void adminExecute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Enum types in the test's schema that no column uses. */
    @Override
    protected List<String> leftoverObjects() throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = dialect.connection().prepareStatement("SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
                + " WHERE n.nspname = current_schema() AND t.typtype = 'e'"
                + " AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.atttypid = t.oid AND NOT a.attisdropped) ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add("enum type " + rs.getString(1));
            }
        }
        return out;
    }
}
