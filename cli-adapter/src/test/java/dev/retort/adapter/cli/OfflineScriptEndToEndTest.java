package dev.retort.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.domain.schema.Schema;
import dev.retort.dialect.jdbc.TestDatabases;
import dev.retort.dialect.mysql.MysqlDialectProvider;
import dev.retort.dialect.postgres.PostgresDialectProvider;
import dev.retort.dialect.sqlite.SqliteDialectProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upgrade --sql} run through the database's own client leaves the same schema and version
 * rows as the online upgrade; the same for {@code downgrade --sql}.
 */
class OfflineScriptEndToEndTest {
    @TempDir
    Path dir;
    CliFixture cli;

    @BeforeEach
    void project() {
        cli = new CliFixture(dir).initProject();
        cli.revision("aaa111", null, "accounts", """
                - create_table:
                    name: account
                    columns:
                      - {name: id, type: bigint, primary_key: true, autoincrement: true}
                      - {name: email, type: "varchar(200)", nullable: false}
                      - {name: active, type: boolean, nullable: false, default: "true"}
                - create_index: {name: ix_account_email, table: account, columns: [email], unique: true}
                """, """
                - drop_index: {name: ix_account_email, table: account}
                - drop_table: account
                """);
        cli.revision("bbb222", "aaa111", "invoices", """
                - create_table:
                    name: invoice
                    columns:
                      - {name: id, type: bigint, primary_key: true, autoincrement: true}
                      - {name: account_id, type: bigint, nullable: false}
                      - {name: total, type: "decimal(12,2)", nullable: false, default: "0"}
                    foreign_keys:
                      - {columns: [account_id], references: account(id), on_delete: cascade}
                - create_index: {name: ix_invoice_account, table: invoice, columns: [account_id]}
                """, """
                - drop_index: {name: ix_invoice_account, table: invoice}
                - drop_table: invoice
                """);
        cli.revision("ccc333", "bbb222", "notes", """
                - add_column: {table: invoice, column: {name: note, type: text}}
                - sql: {all: "INSERT INTO account (email, active) VALUES ('seed@example.com', true)", sqlite: "INSERT INTO account (email, active) VALUES ('seed@example.com', 1)"}
                """, """
                - sql: "DELETE FROM account WHERE email = 'seed@example.com'"
                - drop_column: {table: invoice, column: note}
                """);
    }

    @Test
    void sqlite_script_through_sqlite3_matches_the_online_upgrade() throws Exception {
        Path online = dir.resolve("online.db");
        Path offline = dir.resolve("offline.db");
        cli.ok("--url", "jdbc:sqlite:" + online, "upgrade", "head");
        String up = cli.ok("upgrade", "head", "--sql", "--dialect", "sqlite").out();
        assertTrue(up.contains("-- Running upgrade aaa111 -> bbb222, invoices"), up);
        assertTrue(up.contains("BEGIN;") && up.contains("COMMIT;"), up);
        run(script(up), "sqlite3", "-bail", offline.toString());
        assertSame(new SqliteDialectProvider(), "jdbc:sqlite:" + online, "jdbc:sqlite:" + offline, null, null);

        cli.ok("--url", "jdbc:sqlite:" + online, "downgrade", "aaa111");
        String down = cli.ok("downgrade", "ccc333:aaa111", "--sql", "--dialect", "sqlite").out();
        run(script(down), "sqlite3", "-bail", offline.toString());
        assertSame(new SqliteDialectProvider(), "jdbc:sqlite:" + online, "jdbc:sqlite:" + offline, null, null);

        String range = cli.ok("upgrade", "aaa111:head", "--sql", "--dialect", "sqlite").out();
        assertFalse(range.contains("CREATE TABLE IF NOT EXISTS"), "a range from a revision does not create the version table");
        assertFalse(range.contains("-> aaa111,"), range);
    }

    @Test
    void postgres_script_through_psql_matches_the_online_upgrade() throws Exception {
        String url = TestDatabases.urlFromEnvironment(TestDatabases.POSTGRES_URL, "PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String a = TestDatabases.uniqueName("off_a");
        String b = TestDatabases.uniqueName("off_b");
        exec(url, "CREATE SCHEMA " + a, "CREATE SCHEMA " + b);
        try {
            cli.env.put("RETORT_SCHEMA", a);
            cli.ok("--url", url, "upgrade", "head");
            cli.env.remove("RETORT_SCHEMA");
            String up = cli.ok("upgrade", "head", "--sql", "--dialect", "postgres").out();
            run(script("SET search_path TO " + b + ";\n" + up), "psql", libpq(url), "-v", "ON_ERROR_STOP=1", "-q", "-X");
            assertSame(new PostgresDialectProvider(), url, url, a, b);
        } finally {
            exec(url, "DROP SCHEMA " + a + " CASCADE", "DROP SCHEMA " + b + " CASCADE");
        }
    }

    @Test
    void mysql_script_through_the_mariadb_client_matches_the_online_upgrade() throws Exception {
        String url = TestDatabases.urlFromEnvironment(TestDatabases.MYSQL_URL, "MySQL/MariaDB", "jdbc:mysql://127.0.0.1:3306/test?user=root");
        String a = TestDatabases.uniqueName("off_a");
        String b = TestDatabases.uniqueName("off_b");
        exec(url, "CREATE DATABASE " + a, "CREATE DATABASE " + b);
        try {
            String urlA = withDatabase(url, a);
            String urlB = withDatabase(url, b);
            cli.ok("--url", urlA, "upgrade", "head");
            String up = cli.ok("upgrade", "head", "--sql", "--dialect", "mysql").out();
            assertFalse(up.contains("BEGIN;"), "MySQL DDL is not transactional; the script does not pretend");
            URI u = URI.create(urlB.substring(5));
            run(script(up), "mariadb", "-h", u.getHost(), "-P", String.valueOf(u.getPort()), "-u", "root", b);
            assertSame(new MysqlDialectProvider(), urlA, urlB, null, null);
        } finally {
            exec(url, "DROP DATABASE " + a, "DROP DATABASE " + b);
        }
    }

    private void assertSame(DialectProvider provider, String urlA, String urlB, String schemaA, String schemaB) {
        Schema one;
        Schema two;
        List<String> rowsA;
        List<String> rowsB;
        try (Dialect d = provider.open(new ConnectionSettings(urlA, null, null, schemaA, null))) {
            one = d.inspector().inspect();
            rowsA = d.versionStore().heads().stream().map(Object::toString).toList();
        }
        try (Dialect d = provider.open(new ConnectionSettings(urlB, null, null, schemaB, null))) {
            two = d.inspector().inspect();
            rowsB = d.versionStore().heads().stream().map(Object::toString).toList();
        }
        assertEquals(rowsA, rowsB, "version rows");
        // Offline scripts do not write the history table (docs/behaviour.md); everything else must match.
        assertEquals(one.withoutTable("retort_history"), two, "inspected schema");
        assertTrue(one.table("account").isPresent(), "the online run created tables: " + one.tableNames());
        assertEquals(1, rowsA.size(), "one head row");
    }

    private Path script(String text) throws IOException {
        Path p = Files.createTempFile(dir, "script", ".sql");
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static void run(Path script, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectInput(script.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + out + "\nscript:\n" + Files.readString(script));
    }

    private static void exec(String url, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** jdbc:postgresql://host:port/db?user=u into postgresql://u@host:port/db for psql. */
    static String libpq(String jdbcUrl) {
        URI u = URI.create(jdbcUrl.substring(5));
        String user = "postgres";
        if (u.getQuery() != null) {
            for (String kv : u.getQuery().split("&")) {
                if (kv.startsWith("user=")) {
                    user = kv.substring(5);
                }
            }
        }
        return "postgresql://" + user + "@" + u.getHost() + ":" + (u.getPort() < 0 ? 5432 : u.getPort()) + u.getPath();
    }

    static String withDatabase(String jdbcUrl, String database) {
        URI u = URI.create(jdbcUrl.substring(5));
        List<String> parts = new ArrayList<>();
        parts.add("jdbc:" + u.getScheme() + "://" + u.getHost() + ":" + (u.getPort() < 0 ? 3306 : u.getPort()) + "/" + database);
        return parts.get(0) + (u.getQuery() == null ? "" : "?" + u.getQuery());
    }
}
