package dev.retort.adapter.jpa;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.service.DialectRegistry;
import dev.retort.core.domain.schema.Schema;
import dev.retort.dialect.jdbc.TestDatabases;
import dev.retort.dialect.mysql.MysqlDialectProvider;
import dev.retort.dialect.postgres.PostgresDialectProvider;
import dev.retort.dialect.sqlite.SqliteDialectProvider;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An empty database of one kind for one test, dropped on close: an SQLite file, a PostgreSQL
 * schema, or a MySQL/MariaDB database, the last two on the servers named by
 * {@code RETORT_TEST_POSTGRES_URL} / {@code RETORT_TEST_MYSQL_URL} (skipped with a printed reason
 * when unset, failing when {@code RETORT_TEST_REQUIRE_DATABASES=true}).
 */
final class FreshDatabase implements AutoCloseable {
    private static final Pattern MYSQL_URL = Pattern.compile("(jdbc:(?:mysql|mariadb)://[^/?]*)(/[^?]*)?(\\?.*)?");

    final String kind;
    final ConnectionSettings settings;
    private final String adminUrl;
    private final String name;

    private FreshDatabase(String kind, ConnectionSettings settings, String adminUrl, String name) {
        this.kind = kind;
        this.settings = settings;
        this.adminUrl = adminUrl;
        this.name = name;
    }

    static FreshDatabase of(String kind, Path dir) throws Exception {
        return switch (kind) {
            case "sqlite" -> new FreshDatabase(kind, new ConnectionSettings("jdbc:sqlite:" + dir.resolve(TestDatabases.uniqueName("jpa") + ".db"),
                    null, null, null, null), null, null);
            case "postgres" -> {
                String url = TestDatabases.urlFromEnvironment(TestDatabases.POSTGRES_URL, "PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
                String schema = TestDatabases.uniqueName("retort_jpa");
                admin(url, "CREATE SCHEMA \"" + schema + "\"");
                yield new FreshDatabase(kind, new ConnectionSettings(url, null, null, schema, null), url, schema);
            }
            case "mysql" -> {
                String url = TestDatabases.urlFromEnvironment(TestDatabases.MYSQL_URL, "MySQL", "jdbc:mysql://127.0.0.1:3306/test?user=root");
                String database = TestDatabases.uniqueName("retort_jpa");
                admin(url, "CREATE DATABASE `" + database + "`");
                yield new FreshDatabase(kind, new ConnectionSettings(withDatabase(url, database), null, null, null, null), url, database);
            }
            default -> throw new IllegalArgumentException(kind);
        };
    }

    static DialectRegistry dialects() {
        return new DialectRegistry(List.of(new SqliteDialectProvider(), new PostgresDialectProvider(), new MysqlDialectProvider()));
    }

    /** The database as Retort's inspector reads it, in the dialect's comparable form. */
    Schema inspectNormalized() {
        try (Dialect dialect = dialects().open(settings)) {
            return dialect.normalizer().normalize(dialect.inspector().inspect());
        }
    }

    Schema normalize(Schema schema) {
        try (Dialect dialect = dialects().open(settings)) {
            return dialect.normalizer().normalize(schema);
        }
    }

    /** @return the JDBC URL and settings for Hibernate to create its tables in this database */
    String hibernateUrl() {
        return settings.url().replace("jdbc:mariadb:", "jdbc:mysql:");
    }

    Map<String, String> hibernateSettings() throws Exception {
        if (kind.equals("postgres")) {
            return Map.of("hibernate.default_schema", name);
        }
        if (kind.equals("mysql") && isMariaDb()) {
            return Map.of("hibernate.dialect", "org.hibernate.dialect.MariaDBDialect");
        }
        return Map.of();
    }

    boolean isMariaDb() throws Exception {
        try (Connection c = DriverManager.getConnection(adminUrl.replace("jdbc:mariadb:", "jdbc:mysql:"))) {
            return c.getMetaData().getDatabaseProductVersion().toLowerCase(java.util.Locale.ROOT).contains("mariadb");
        }
    }

    @Override
    public void close() throws SQLException {
        if (kind.equals("postgres")) {
            admin(adminUrl, "DROP SCHEMA IF EXISTS \"" + name + "\" CASCADE");
        } else if (kind.equals("mysql")) {
            admin(adminUrl, "DROP DATABASE IF EXISTS `" + name + "`");
        }
    }

    private static void admin(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url.replace("jdbc:mariadb:", "jdbc:mysql:")); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String withDatabase(String url, String database) {
        Matcher m = MYSQL_URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read the database of " + url);
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }
}
