package dev.retort.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.domain.DatabaseException;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MysqlDialectProviderTest {
    private final MysqlDialectProvider provider = new MysqlDialectProvider();

    @Test
    void is_found_by_the_service_loader_and_accepts_mysql_and_mariadb_urls() {
        assertTrue(ServiceLoader.load(DialectProvider.class).stream().anyMatch(p -> p.type() == MysqlDialectProvider.class));
        assertEquals("mysql", provider.name());
        assertTrue(provider.accepts("jdbc:mysql://localhost:3306/app"));
        assertTrue(provider.accepts("jdbc:mariadb://localhost:3306/app"));
        assertFalse(provider.accepts("jdbc:postgresql://localhost/app"));
        assertEquals("jdbc:mysql://h:3306/app?x=1", MysqlDialectProvider.driverUrl("jdbc:mariadb://h:3306/app?x=1"));
        assertEquals("jdbc:mysql://h/app", MysqlDialectProvider.driverUrl("jdbc:mysql://h/app"));
    }

    @Test
    void an_unreachable_server_gives_a_database_error_without_the_password() {
        String url = "jdbc:mariadb://127.0.0.1:1/app?user=app&password=hunter2&connectTimeout=2000";
        DatabaseException e = assertThrows(DatabaseException.class, () -> provider.open(new ConnectionSettings(url, null, null, null, null)));
        assertTrue(e.getMessage().startsWith("Cannot connect to MySQL at jdbc:mariadb://127.0.0.1:1/app?user=app&password=***"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void a_wrong_password_is_reported_without_it() {
        String url = MysqlDialectContractTest.urlFromEnvironment();
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> provider.open(new ConnectionSettings(url, "retort_no_such_user", "Wr0ngPassw0rd", null, null)));
        assertTrue(e.getMessage().contains("Access denied"), e.getMessage());
        assertFalse(e.getMessage().contains("Wr0ngPassw0rd"), e.getMessage());
    }

    @Test
    void a_url_without_a_database_is_refused() {
        String url = MysqlDialectContractTest.urlFromEnvironment();
        String noDatabase = url.replaceFirst("(jdbc:[a-z]+://[^/?]*)/[^?]*", "$1/");
        DatabaseException e = assertThrows(DatabaseException.class, () -> provider.open(new ConnectionSettings(noDatabase, null, null, null, null)));
        assertTrue(e.getMessage().startsWith("No database selected"), e.getMessage());
    }

    @Test
    void the_mariadb_prefix_connects() {
        String url = MysqlDialectContractTest.urlFromEnvironment();
        try (Dialect d = provider.open(new ConnectionSettings(url.replaceFirst("^jdbc:mysql:", "jdbc:mariadb:"), null, null, null, null))) {
            assertEquals("mysql", d.name());
            assertFalse(d.capabilities().transactionalDdl());
        }
    }
}
