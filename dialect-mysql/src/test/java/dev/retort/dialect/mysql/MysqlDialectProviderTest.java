package dev.retort.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.domain.DatabaseException;
import dev.retort.dialect.jdbc.TestDatabases;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Finding the dialect, connecting, and the one-line errors when connecting fails. */
class MysqlDialectProviderTest {
    private static final String USER = "retort_pw";
    private static final String RIGHT = "pw-123";
    private static final String WRONG = "Wr0ng-secret-42";
    private final MysqlDialectProvider provider = new MysqlDialectProvider();

    @Test
    void is_found_by_the_service_loader_and_accepts_mysql_and_mariadb_urls() {
        assertTrue(ServiceLoader.load(DialectProvider.class).stream().anyMatch(p -> p.type() == MysqlDialectProvider.class));
        assertEquals("mysql", provider.name());
        assertTrue(provider.accepts("jdbc:mysql://localhost:3306/app"));
        assertTrue(provider.accepts("jdbc:mariadb://localhost:3306/app"));
        assertTrue(provider.accepts("JDBC:MariaDB://localhost:3306/app"));
        assertFalse(provider.accepts("jdbc:postgresql://localhost/app"));
        assertEquals("jdbc:mysql://h:3306/app?x=1", MysqlDialectProvider.driverUrl("jdbc:mariadb://h:3306/app?x=1"));
        assertEquals("jdbc:mysql://h/app", MysqlDialectProvider.driverUrl("jdbc:mysql://h/app"));
    }

    /** The message is one line, and neither it nor any message of its causes holds {@code secret}. */
    private static void assertOneLineWithoutSecret(DatabaseException e, String secret) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(secret), t.getClass().getName() + ": " + t.getMessage());
            assertFalse(String.valueOf(t).contains(secret), String.valueOf(t));
        }
    }

    @Test
    void a_server_that_is_down_is_named_with_the_password_masked_and_a_hint() {
        String url = "jdbc:mariadb://127.0.0.1:1/app?user=app&password=" + WRONG;
        DatabaseException e = assertThrows(DatabaseException.class, () -> provider.open(new ConnectionSettings(url, null, null, null, null)));
        assertTrue(e.getMessage().startsWith("Cannot connect to MariaDB at jdbc:mariadb://127.0.0.1:1/app?user=app&password=***: "
                + "Communications link failure (Connection refused)"), e.getMessage());
        assertTrue(e.getMessage().endsWith("check that the server is running and accepts connections at 127.0.0.1:1"), e.getMessage());
        assertOneLineWithoutSecret(e, WRONG);
    }

    @Test
    void a_wrong_password_is_reported_with_a_hint_and_never_printed() throws Exception {
        String admin = MysqlDialectContractTest.urlFromEnvironment();
        String database = TestDatabases.uniqueName("retort_pw");
        MysqlTestDatabase.admin(admin, "CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + RIGHT + "'",
                "CREATE DATABASE `" + database + "`", "GRANT ALL ON `" + database + "`.* TO '" + USER + "'@'%'");
        try {
            String url = MysqlDialectContractTest.withDatabase(admin, database).replaceFirst("\\?.*", "");
            try (Dialect d = provider.open(new ConnectionSettings(url, USER, RIGHT, null, null))) {
                assertEquals("mysql", d.name(), "the user exists and the right password works");
            }

            DatabaseException fromSettings = assertThrows(DatabaseException.class,
                    () -> provider.open(new ConnectionSettings(url, USER, WRONG, null, null)));
            assertTrue(fromSettings.getMessage().startsWith("Cannot connect to MySQL at " + url + ": Access denied for user 'retort_pw'"),
                    fromSettings.getMessage());
            assertTrue(fromSettings.getMessage().contains("[SQLState 28000]; check the user and password"), fromSettings.getMessage());
            assertOneLineWithoutSecret(fromSettings, WRONG);

            String inUrl = url + "?user=" + USER + "&password=" + WRONG;
            DatabaseException fromUrl = assertThrows(DatabaseException.class, () -> provider.open(new ConnectionSettings(inUrl, null, null, null, null)));
            assertTrue(fromUrl.getMessage().contains("password=***"), fromUrl.getMessage());
            assertOneLineWithoutSecret(fromUrl, WRONG);
        } finally {
            MysqlTestDatabase.admin(admin, "DROP DATABASE IF EXISTS `" + database + "`", "DROP USER IF EXISTS '" + USER + "'@'%'");
        }
    }

    @Test
    void an_unknown_database_is_reported_with_a_hint() {
        String url = MysqlDialectContractTest.withDatabase(MysqlDialectContractTest.urlFromEnvironment(), "retort_no_such_database");
        DatabaseException e = assertThrows(DatabaseException.class, () -> provider.open(new ConnectionSettings(url, null, null, null, null)));
        assertTrue(e.getMessage().startsWith("Cannot connect to MySQL at " + url + ": Unknown database 'retort_no_such_database'"), e.getMessage());
        assertTrue(e.getMessage().endsWith("; create the database first (CREATE DATABASE ...) or fix the database name in the url"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void a_url_without_a_database_is_refused() {
        String url = MysqlDialectContractTest.urlFromEnvironment();
        String noDatabase = url.replaceFirst("(jdbc:[a-z]+://[^/?]*)/[^?]*", "$1/");
        DatabaseException e = assertThrows(DatabaseException.class, () -> provider.open(new ConnectionSettings(noDatabase, null, null, null, null)));
        assertTrue(e.getMessage().startsWith("No database selected"), e.getMessage());
    }

    @Test
    void a_password_the_driver_repeats_is_masked_in_the_causes_too() {
        SQLException driver = new SQLException("bad value '" + WRONG + "'", "08001", 0, new IllegalStateException("saw " + WRONG));
        DatabaseException e = MysqlDialectProvider.connectError(
                new ConnectionSettings("jdbc:mysql://127.0.0.1:1/app", "u", WRONG, null, null), driver);
        assertOneLineWithoutSecret(e, WRONG);
        assertTrue(e.getCause().getMessage().contains("bad value '***'"), e.getCause().getMessage());
        SQLException harmless = new SQLException("nothing secret");
        assertSame(harmless, MysqlDialectProvider.sanitized(harmless, WRONG), "a clean cause is kept as it is");
    }

    @Test
    void the_mariadb_prefix_connects_and_the_session_takes_backslash_escapes() throws Exception {
        String url = MysqlDialectContractTest.urlFromEnvironment().replaceFirst("^jdbc:mysql:", "jdbc:mariadb:");
        String withMode = url + (url.contains("?") ? "&" : "?") + "sessionVariables=sql_mode=NO_BACKSLASH_ESCAPES";
        try (MysqlDialect d = (MysqlDialect) provider.open(new ConnectionSettings(withMode, null, null, null, null))) {
            assertEquals("mysql", d.name());
            assertFalse(d.capabilities().transactionalDdl());
            assertTrue(d.mariadb(), "this test server is MariaDB");
            try (Statement st = d.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT @@SESSION.sql_mode, " + d.quoting().literal("a\\b"))) {
                rs.next();
                assertFalse(rs.getString(1).contains("NO_BACKSLASH_ESCAPES"), rs.getString(1));
                assertEquals("a\\b", rs.getString(2));
            }
        }
    }
}
