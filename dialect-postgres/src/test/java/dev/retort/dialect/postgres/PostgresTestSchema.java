package dev.retort.dialect.postgres;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.TestDatabases;
import java.sql.SQLException;

/** A schema of its own on {@code RETORT_TEST_POSTGRES_URL} with a dialect open on it; closing drops both. */
final class PostgresTestSchema implements AutoCloseable {
    final String url;
    final String name;
    final JdbcDialect dialect;

    private PostgresTestSchema(String url, String name, JdbcDialect dialect) {
        this.url = url;
        this.name = name;
        this.dialect = dialect;
    }

    /** Skips the calling test (or fails it under RETORT_TEST_REQUIRE_DATABASES=true) when the URL is unset. */
    static PostgresTestSchema create(String prefix) throws Exception {
        String url = PostgresDialectContractTest.urlFromEnvironment();
        String name = TestDatabases.uniqueName(prefix);
        PostgresDialectContractTest.adminExecute(url, "CREATE SCHEMA \"" + name + "\"");
        try {
            return new PostgresTestSchema(url, name, (JdbcDialect) new PostgresDialectProvider().open(new ConnectionSettings(url, null, null, name, null)));
        } catch (RuntimeException e) {
            PostgresDialectContractTest.adminExecute(url, "DROP SCHEMA \"" + name + "\" CASCADE");
            throw e;
        }
    }

    @Override
    public void close() throws SQLException {
        dialect.close();
        PostgresDialectContractTest.adminExecute(url, "DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
    }
}
