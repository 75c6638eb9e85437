package dev.retort.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.dialect.jdbc.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code transaction_per_migration}: true commits each revision by itself; false runs the whole
 * upgrade as one transaction (Alembic's default), so a failure in the last revision leaves nothing.
 */
class TransactionModeEndToEndTest {
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
                      - {name: id, type: integer, primary_key: true}
                      - {name: email, type: "varchar(200)", nullable: false}
                """, "- drop_table: account\n");
        cli.revision("bbb222", "aaa111", "invoices", """
                - create_table:
                    name: invoice
                    columns:
                      - {name: id, type: integer, primary_key: true}
                      - {name: account_id, type: integer, nullable: false}
                    foreign_keys:
                      - {columns: [account_id], references: account(id), on_delete: cascade}
                """, "- drop_table: invoice\n");
    }

    private void failingThirdRevision() {
        cli.revision("ccc333", "bbb222", "broken", "- sql: \"INSERT INTO no_such_table VALUES (1)\"\n", "[]\n");
    }

    private void setPerMigration(boolean value) throws Exception {
        Path yaml = dir.resolve("retort.yaml");
        String text = Files.readString(yaml).replaceAll("(?m)^transaction_per_migration:.*\\R", "");
        Files.writeString(yaml, text + "transaction_per_migration: " + value + "\n");
    }

    @Test
    void one_transaction_rolls_the_whole_run_back_on_sqlite() throws Exception {
        failingThirdRevision();
        setPerMigration(false);
        CliFixture.Run r = cli.run("upgrade", "head");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("ccc333") && r.err().contains("the whole run was rolled back"), r.err());
        assertEquals(List.of(), userTables("jdbc:sqlite:" + cli.database()), "no revision of the run stays applied");
        assertTrue(cli.ok("current").err().contains("base") || cli.ok("current").out().contains("base"));

        setPerMigration(true);
        cli.run("upgrade", "head").expect(2);
        assertEquals(List.of("account", "invoice"), userTables("jdbc:sqlite:" + cli.database()), "per revision: the first two stay");
        assertTrue(cli.ok("current").out().contains("bbb222"));
    }

    @Test
    void one_transaction_on_sqlite_still_rebuilds_a_referenced_table_with_its_rows_and_foreign_keys() throws Exception {
        setPerMigration(false);
        cli.ok("upgrade", "bbb222");
        sql("jdbc:sqlite:" + cli.database(), "INSERT INTO account VALUES (1, 'a@example.com')", "INSERT INTO invoice VALUES (10, 1)");
        cli.revision("ccc333", "bbb222", "email longer", """
                - alter_column: {table: invoice, column: account_id, type: bigint}
                - sql: {all: "INSERT INTO invoice VALUES (11, 1)", declares: {}}
                """, "- alter_column: {table: invoice, column: account_id, type: integer}\n");
        cli.revision("ddd444", "ccc333", "account rebuilt", """
                - alter_column: {table: account, column: email, type: "varchar(300)"}
                """, "- alter_column: {table: account, column: email, type: \"varchar(200)\"}\n");
        cli.ok("upgrade", "head");
        String url = "jdbc:sqlite:" + cli.database();
        assertEquals(List.of("10:1", "11:1"), rows(url, "SELECT id || ':' || account_id FROM invoice ORDER BY id"));
        assertEquals(List.of(), rows(url, "SELECT * FROM pragma_foreign_key_check"));
        sql(url, "PRAGMA foreign_keys = ON", "DELETE FROM account WHERE id = 1");
        assertEquals(List.of(), rows(url, "SELECT id FROM invoice"), "ON DELETE CASCADE still works after the rebuild of account");
    }

    @Test
    void one_transaction_rolls_the_whole_run_back_on_postgres() throws Exception {
        String url = TestDatabases.urlFromEnvironment(TestDatabases.POSTGRES_URL, "PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = TestDatabases.uniqueName("txmode");
        sql(url, "CREATE SCHEMA " + schema);
        try {
            cli.env.put("RETORT_SCHEMA", schema);
            failingThirdRevision();
            setPerMigration(false);
            CliFixture.Run r = cli.run("--url", url, "upgrade", "head");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("the whole run was rolled back"), r.err());
            assertEquals(List.of(), rows(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                    + "' AND table_name IN ('account', 'invoice')"));
            setPerMigration(true);
            cli.run("--url", url, "upgrade", "head").expect(2);
            assertEquals(List.of("account", "invoice"), rows(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema + "' AND table_name IN ('account', 'invoice') ORDER BY 1"));
        } finally {
            sql(url, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static List<String> userTables(String url) throws Exception {
        return rows(url, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'retort%' AND name NOT LIKE 'sqlite%' ORDER BY name");
    }

    private static List<String> rows(String url, String query) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void sql(String url, String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        }
    }
}
