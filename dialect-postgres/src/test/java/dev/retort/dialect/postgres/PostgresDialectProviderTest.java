package dev.retort.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.application.port.out.ScriptDialect;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.revision.VersionChange;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.Table;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.TestDatabases;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Assumptions;
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

    private static void assertOneLineWithoutSecrets(DatabaseException e, String... secrets) {
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        for (String secret : secrets) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }

    /** The test URL with another database, user or password. */
    private static String withDatabase(String url, String database) {
        return url.replaceFirst("(jdbc:postgresql://[^/?]*)/[^?]*", "$1/" + database);
    }

    @Test
    void the_settings_user_and_password_win_over_the_url() {
        assertEquals("jdbc:postgresql://h/db?ssl=true", PostgresDialectProvider.driverUrl(
                new ConnectionSettings("jdbc:postgresql://h/db?user=a&ssl=true&password=b", "u", "p", null, null)));
        assertEquals("jdbc:postgresql://h/db?ssl=true&password=b", PostgresDialectProvider.driverUrl(
                new ConnectionSettings("jdbc:postgresql://h/db?user=a&ssl=true&password=b", "u", null, null, null)));
        assertEquals("jdbc:postgresql://h/db?user=a", PostgresDialectProvider.driverUrl(
                new ConnectionSettings("jdbc:postgresql://h/db?user=a", null, null, null, null)));
        assertEquals("jdbc:postgresql://h/db", PostgresDialectProvider.driverUrl(
                new ConnectionSettings("jdbc:postgresql://h/db?user=a", "u", null, null, null)));
    }

    @Test
    void an_unknown_database_is_named_with_a_hint() {
        String url = withDatabase(PostgresDialectContractTest.urlFromEnvironment(), "retort_no_such_db") + "&password=hunter2";
        DatabaseException e = assertThrows(DatabaseException.class, () -> provider.open(new ConnectionSettings(url, null, "s3cret", null, null)));
        assertTrue(e.getMessage().startsWith("Cannot connect to PostgreSQL at "), e.getMessage());
        assertTrue(e.getMessage().contains("password=***"), e.getMessage());
        assertTrue(e.getMessage().contains("retort_no_such_db") && e.getMessage().contains("create it"), e.getMessage());
        assertOneLineWithoutSecrets(e, "hunter2", "s3cret");
    }

    @Test
    void an_unknown_user_is_refused_with_a_hint() {
        String url = PostgresDialectContractTest.urlFromEnvironment();
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> provider.open(new ConnectionSettings(url, "retort_no_such_role", "pw-secret", null, null)));
        assertTrue(e.getMessage().contains("retort_no_such_role") && e.getMessage().contains("check that the role exists"), e.getMessage());
        assertOneLineWithoutSecrets(e, "pw-secret");
    }

    /**
     * A wrong password can only be refused by a server that asks for one: with trust
     * authentication (the usual local test setup) any password is accepted, and this test is
     * skipped with that reason. A role that may not log in is refused either way.
     */
    @Test
    void a_wrong_password_is_refused_with_a_hint() throws Exception {
        String url = PostgresDialectContractTest.urlFromEnvironment();
        PostgresDialectContractTest.adminExecute(url, "DROP ROLE IF EXISTS retort_pw_test");
        PostgresDialectContractTest.adminExecute(url, "CREATE ROLE retort_pw_test LOGIN PASSWORD 'pw-123'");
        try {
            PostgresDialectContractTest.adminExecute(url, "ALTER ROLE retort_pw_test NOLOGIN");
            DatabaseException refused = assertThrows(DatabaseException.class,
                    () -> provider.open(new ConnectionSettings(url, "retort_pw_test", "pw-123", null, null)));
            assertTrue(refused.getMessage().contains("not permitted to log in") && refused.getMessage().contains("may log in"), refused.getMessage());
            assertOneLineWithoutSecrets(refused, "pw-123");

            PostgresDialectContractTest.adminExecute(url, "ALTER ROLE retort_pw_test LOGIN");
            DatabaseException wrong = null;
            try {
                provider.open(new ConnectionSettings(url, "retort_pw_test", "wrong-pw-456", null, null)).close();
            } catch (DatabaseException e) {
                wrong = e;
            }
            if (wrong == null) {
                Assumptions.abort("the server accepted a wrong password (trust authentication for this host in pg_hba.conf),"
                        + " so a refused password cannot be tested here");
            }
            assertTrue(wrong.getMessage().contains("the password was refused"), wrong.getMessage());
            assertOneLineWithoutSecrets(wrong, "wrong-pw-456");
        } finally {
            PostgresDialectContractTest.adminExecute(url, "DROP ROLE IF EXISTS retort_pw_test");
        }
    }

    @Test
    void a_missing_driver_is_named_with_the_artifact_to_add() {
        String url = "jdbc:postgresql://127.0.0.1:5432/app?user=app&password=hunter2";
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> new PostgresDialectProvider("org.postgresql.NoSuchDriver").open(new ConnectionSettings(url, null, null, null, null)));
        assertEquals("Cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:5432/app?user=app&password=***: the JDBC driver "
                + "org.postgresql.NoSuchDriver is not on the classpath; add org.postgresql:postgresql to the classpath"
                + " (the retort launcher's jar bundles it)", e.getMessage());
    }

    @Test
    void two_schemas_in_one_database_keep_their_own_tables_and_version_tables() throws Exception {
        try (PostgresTestSchema a = PostgresTestSchema.create("retort_a"); PostgresTestSchema b = PostgresTestSchema.create("retort_b")) {
            a.dialect.execute("CREATE TABLE only_in_a (id integer)");
            a.dialect.versionStore().create();
            b.dialect.versionStore().create();
            a.dialect.versionStore().apply(new VersionChange.Insert(RevisionId.of("aaaaaaaaaaaa")));
            b.dialect.versionStore().apply(new VersionChange.Insert(RevisionId.of("bbbbbbbbbbbb")));

            assertEquals(List.of(RevisionId.of("aaaaaaaaaaaa")), a.dialect.versionStore().heads());
            assertEquals(List.of(RevisionId.of("bbbbbbbbbbbb")), b.dialect.versionStore().heads());
            assertEquals(List.of("only_in_a"), a.dialect.inspector().inspect().tableNames());
            assertEquals(List.of(), b.dialect.inspector().inspect().tableNames());
            try (var st = a.dialect.connection().createStatement();
                 var rs = st.executeQuery("SELECT table_schema FROM information_schema.tables WHERE table_name = 'retort_version'"
                         + " AND table_schema IN ('" + a.name + "', '" + b.name + "') ORDER BY 1")) {
                rs.next();
                assertEquals(a.name, rs.getString(1));
                rs.next();
                assertEquals(b.name, rs.getString(1));
            }
        }
    }

    @Test
    void offline_scripts_use_the_schema_and_the_postgresql_type_rules() {
        ScriptDialect offline = provider.offline(new ConnectionSettings("jdbc:postgresql://db/app", null, null, "app", null));
        assertEquals(List.of("SET search_path TO \"app\"",
                "CREATE TABLE IF NOT EXISTS \"app\".\"retort_version\" (\"version_num\" VARCHAR(255) NOT NULL, PRIMARY KEY (\"version_num\"))"),
                offline.versionTableSql().create());
        assertEquals("INSERT INTO \"app\".\"retort_version\" (\"version_num\") VALUES ('abcdef123456')",
                offline.versionTableSql().change(new VersionChange.Insert(RevisionId.of("abcdef123456"))));
        assertTrue(offline.normalizer() instanceof PostgresSchemaNormalizer);
        assertEquals(List.of("CREATE TABLE IF NOT EXISTS \"retort_version\" (\"version_num\" VARCHAR(255) NOT NULL, PRIMARY KEY (\"version_num\"))"),
                provider.offline(new ConnectionSettings("jdbc:postgresql://db/app", null, null, null, null)).versionTableSql().create());
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

    /**
     * A migration runs each statement a few times, and pgJDBC's named server statements piled up
     * (three per revision) while the DDL kept invalidating them: Retort turns them off unless the
     * URL sets {@code prepareThreshold}.
     */
    @Test
    void named_server_side_statements_are_off_unless_the_url_asks_for_them() throws Exception {
        String url = PostgresDialectContractTest.urlFromEnvironment();
        assertEquals(0, namedStatementsAfterTenUses(url));
        assertEquals(1, namedStatementsAfterTenUses(url + (url.contains("?") ? "&" : "?") + "prepareThreshold=5"));
    }

    private int namedStatementsAfterTenUses(String url) throws Exception {
        try (JdbcDialect d = (JdbcDialect) provider.open(new ConnectionSettings(url, null, null, null, null));
             java.sql.PreparedStatement ps = d.connection().prepareStatement("SELECT ?::int + 1")) {
            for (int i = 0; i < 10; i++) {
                ps.setInt(1, i);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(i + 1, rs.getInt(1));
                }
            }
            try (java.sql.Statement st = d.connection().createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int + 1%'")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void user_info_in_the_url_moves_into_the_settings_where_it_is_user_info() {
        String url = "jdbc:postgresql://app:pw/with@slash@db.example:5432/shop?ssl=true";
        ConnectionSettings s = PostgresDialectProvider.withUserInfo(new ConnectionSettings(url, null, null, null, null));
        assertEquals(url, s.url(), "messages show the URL as written");
        assertEquals("jdbc:postgresql://app:***@db.example:5432/shop?ssl=true", s.maskedUrl());
        assertEquals("jdbc:postgresql://db.example:5432/shop?ssl=true", PostgresDialectProvider.driverUrl(s));
        assertEquals("app", s.user());
        assertEquals("pw/with@slash", s.password());

        ConnectionSettings encoded = PostgresDialectProvider.withUserInfo(
                new ConnectionSettings("jdbc:postgresql://app%40corp:p%2Fw%C3%A9@h/db", null, null, null, null));
        assertEquals("app@corp", encoded.user());
        assertEquals("p/wé", encoded.password());

        ConnectionSettings settingsWin = PostgresDialectProvider.withUserInfo(
                new ConnectionSettings("jdbc:postgresql://app:pw@h/db?user=x", "ops", "secret", null, null));
        assertEquals("jdbc:postgresql://h/db", PostgresDialectProvider.driverUrl(settingsWin));
        assertEquals("ops", settingsWin.user());
        assertEquals("secret", settingsWin.password());

        ConnectionSettings userOnly = PostgresDialectProvider.withUserInfo(new ConnectionSettings("jdbc:postgresql://app@h", null, null, null, null));
        assertEquals("jdbc:postgresql://h", PostgresDialectProvider.driverUrl(userOnly));
        assertEquals("app", userOnly.user());
        assertEquals(null, userOnly.password());

        for (String left : List.of("jdbc:postgresql://h:5432/db", "jdbc:postgresql://h:5432/db@archive", "jdbc:postgresql://h/db@x?ssl=true",
                "jdbc:postgresql:db", "jdbc:postgresql://@h/db")) {
            ConnectionSettings same = new ConnectionSettings(left, null, null, null, null);
            assertEquals(same, PostgresDialectProvider.withUserInfo(same), left);
            assertEquals(left, PostgresDialectProvider.driverUrl(same), left);
        }
    }

    /**
     * pgJDBC does not take {@code user:password@} and, with a {@code /} in the password, logs the
     * whole URL as a warning; Retort connects with it and the driver never sees the password.
     */
    @Test
    void a_url_with_user_and_password_connects_and_the_driver_logs_no_password() throws Exception {
        String env = PostgresDialectContractTest.urlFromEnvironment();
        int q = env.indexOf('?');
        java.util.Map<String, String> params = new java.util.HashMap<>();
        for (String p : q < 0 ? new String[0] : env.substring(q + 1).split("&")) {
            int eq = p.indexOf('=');
            if (eq > 0) {
                params.put(p.substring(0, eq), java.net.URLDecoder.decode(p.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        String user = params.getOrDefault("user", "postgres");
        String password = params.getOrDefault("password", "pw/never-logged");    // trust authentication takes any
        String url = (q < 0 ? env : env.substring(0, q)).replaceFirst("//", "//" + user + ":" + password.replace("%", "%25") + "@");

        java.util.List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Logger driver = java.util.logging.Logger.getLogger("org.postgresql");
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                logged.add(String.valueOf(r.getMessage()) + " " + java.util.Arrays.toString(r.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        driver.addHandler(capture);
        try (JdbcDialect d = (JdbcDialect) provider.open(new ConnectionSettings(url, null, null, null, null));
             java.sql.Statement st = d.connection().createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT current_user")) {
            assertTrue(rs.next());
            assertEquals(user, rs.getString(1));
        } finally {
            driver.removeHandler(capture);
        }
        assertTrue(logged.stream().noneMatch(m -> m.contains(password)), logged.toString());
    }
}
