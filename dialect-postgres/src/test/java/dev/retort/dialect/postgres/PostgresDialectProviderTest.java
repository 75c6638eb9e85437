package dev.retort.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.Table;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.TestDatabases;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class PostgresDialectProviderTest {
    private final PostgresDialectProvider provider = new PostgresDialectProvider();

    @Test
    void is_found_by_the_service_loader_and_accepts_postgresql_urls() {
        assertTrue(ServiceLoader.load(DialectProvider.class).stream().anyMatch(p -> p.type() == PostgresDialectProvider.class));
        assertEquals("postgres", provider.name());
        assertTrue(provider.accepts("jdbc:postgresql://localhost:5432/app"));
        assertFalse(provider.accepts("jdbc:mysql://localhost/app"));
        assertFalse(provider.accepts("jdbc:sqlite:app.db"));
    }

    @Test
    void an_unreachable_server_gives_a_database_error_without_the_password() {
        String url = "jdbc:postgresql://127.0.0.1:1/app?user=app&password=hunter2&connectTimeout=2";
        DatabaseException e = assertThrows(DatabaseException.class, () -> provider.open(new ConnectionSettings(url, "app", "s3cret", null, null)));
        assertTrue(e.getMessage().startsWith("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/app?user=app&password=***"), e.getMessage());
        assertTrue(e.getMessage().contains("check that the server is running"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2") || e.getMessage().contains("s3cret"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void a_missing_schema_is_reported() {
        String url = PostgresDialectContractTest.urlFromEnvironment();
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> provider.open(new ConnectionSettings(url, null, null, "retort_no_such_schema", null)));
        assertTrue(e.getMessage().startsWith("Schema retort_no_such_schema does not exist"), e.getMessage());
    }

    @Test
    void the_schema_setting_puts_tables_and_the_version_table_there() throws Exception {
        String url = PostgresDialectContractTest.urlFromEnvironment();
        String schema = TestDatabases.uniqueName("Retort Mixed");
        PostgresDialectContractTest.adminExecute(url, "CREATE SCHEMA \"" + schema + "\"");
        try (JdbcDialect d = (JdbcDialect) provider.open(new ConnectionSettings(url, null, null, schema, "versions"))) {
            d.renderer().render(new CreateTable(Table.of("thing", List.of(Column.of("id", ColumnType.of(ColumnType.Kind.INTEGER), false)))))
                    .forEach(d::execute);
            d.versionStore().create();
            assertEquals(List.of("thing"), d.inspector().inspect().tableNames());
            assertTrue(d.versionStore().exists());
            try (var st = d.connection().createStatement();
                 var rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + schema + "'")) {
                rs.next();
                assertEquals(2, rs.getInt(1));
            }
        } finally {
            PostgresDialectContractTest.adminExecute(url, "DROP SCHEMA \"" + schema + "\" CASCADE");
        }
    }
}
