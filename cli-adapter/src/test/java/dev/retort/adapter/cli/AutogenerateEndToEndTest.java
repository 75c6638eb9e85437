package dev.retort.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** check, renames, filters and warnings through the real CLI on SQLite. */
class AutogenerateEndToEndTest {
    @TempDir
    Path dir;
    CliFixture cli;

    static final String ACCOUNT = """
            tables:
              - name: account
                columns:
                  - {name: id, type: bigint, primary_key: true, autoincrement: true}
                  - {name: email, type: "varchar(255)", nullable: false}
            """;

    @BeforeEach
    void project() {
        cli = new CliFixture(dir).initProject();
        cli.write("schema.yaml", ACCOUNT);
        cli.ok("revision", "--autogenerate", "-m", "account");
        cli.ok("upgrade", "head");
    }

    @Test
    void check_is_clean_after_upgrade_and_lists_pending_operations_otherwise() {
        CliFixture.Run clean = cli.ok("check");
        assertEquals("", clean.out());
        assertTrue(clean.err().contains("No changes detected"), clean.err());
        String timing = cli.ok("check", "--verbose").err();
        assertTrue(timing.matches("(?s)Inspected 1 table in \\d+\\.\\d{3} s; compared with the model in \\d+\\.\\d{3} s\\R.*"), timing);

        cli.write("schema.yaml", ACCOUNT + "      - {name: note, type: text}\n");
        CliFixture.Run pending = cli.run("check");
        pending.expect(1);
        assertEquals("+ add column account.note text null", pending.out().strip());
        CliFixture.Run json = cli.run("check", "--format", "json");
        json.expect(1);
        assertTrue(json.out().contains("\"clean\" : false"), json.out());
        assertTrue(json.out().contains("\"op\" : \"add_column\""), json.out());
        assertEquals(1, cli.revisionFiles().size(), "check never writes a file");

        cli.ok("revision", "--autogenerate", "-m", "note");
        cli.ok("upgrade", "head");
        cli.ok("check");
        assertTrue(cli.ok("check", "--format", "json").out().contains("\"clean\" : true"));
    }

    @Test
    void check_refuses_a_database_behind_head() {
        cli.write("schema.yaml", ACCOUNT + "      - {name: note, type: text}\n");
        cli.ok("revision", "--autogenerate", "-m", "note");
        CliFixture.Run r = cli.run("check");
        r.expect(1);
        assertTrue(r.err().contains("not up to date") && r.err().contains("retort upgrade"), r.err());
    }

    @Test
    void a_dropped_and_added_column_of_one_type_hints_at_rename_and_the_flag_writes_a_rename() {
        cli.write("schema.yaml", ACCOUNT.replace("email", "mail"));
        CliFixture.Run hint = cli.run("check");
        hint.expect(1);
        assertTrue(hint.err().contains("--rename account.email=mail"), hint.err());
        assertTrue(hint.err().contains("destructive: drop column account.email"), hint.err());

        cli.ok("revision", "--autogenerate", "-m", "rename email", "--rename", "account.email=mail");
        String file = cli.read(cli.revisionFiles().get(1));
        assertTrue(file.contains("rename_column"), file);
        assertFalse(file.contains("drop_column"), file);
        cli.query("SELECT 1");
        insert("INSERT INTO account (email) VALUES ('a@example.com')");
        cli.ok("upgrade", "head");
        assertEquals(List.of("a@example.com"), cli.query("SELECT mail FROM account"), "a rename keeps the data");
        cli.ok("check");
        cli.ok("downgrade", "-1");
        assertEquals(List.of("a@example.com"), cli.query("SELECT email FROM account"));
    }

    @Test
    void table_rename_and_its_hint() {
        cli.write("schema.yaml", ACCOUNT.replace("name: account", "name: customer"));
        CliFixture.Run hint = cli.run("check");
        hint.expect(1);
        assertTrue(hint.err().contains("--rename account=customer"), hint.err());
        cli.ok("revision", "--autogenerate", "-m", "customer", "--rename", "account=customer");
        cli.ok("upgrade", "head");
        assertTrue(cli.tables().contains("customer") && !cli.tables().contains("account"), cli.tables().toString());
        cli.ok("check");

        CliFixture.Run bad = cli.run("revision", "--autogenerate", "-m", "x", "--rename", "nope=customer");
        bad.expect(1);
        assertTrue(bad.err().contains("the database has no table nope"), bad.err());
    }

    @Test
    void excluded_tables_are_never_compared() {
        insert("CREATE TABLE legacy_audit (id INTEGER PRIMARY KEY)");
        CliFixture.Run r = cli.run("check");
        r.expect(1);
        assertTrue(r.out().contains("- drop table legacy_audit"), r.out());
        cli.write("retort.yaml", cli.read(dir.resolve("retort.yaml")) + "\nexclude_tables: [legacy_*]\n");
        cli.ok("check");
    }

    @Test
    void removing_a_table_warns_that_it_is_destructive() {
        cli.write("schema.yaml", "tables: []\n");
        CliFixture.Run r = cli.ok("revision", "--autogenerate", "-m", "drop account");
        assertTrue(r.err().contains("warning: destructive: drop table account"), r.err());
    }

    @Test
    void sqlite_alters_columns_and_constraints_by_rebuild_keeping_rows() {
        insert("INSERT INTO account (email) VALUES ('a@example.com'), ('b@example.com')");
        cli.write("schema.yaml", """
                tables:
                  - name: account
                    columns:
                      - {name: id, type: bigint, primary_key: true, autoincrement: true}
                      - {name: email, type: "varchar(320)", nullable: false, unique: true}
                      - {name: score, type: integer, nullable: false, default: "0"}
                    checks:
                      - {name: ck_score, expression: "score >= 0"}
                """);
        cli.ok("revision", "--autogenerate", "-m", "tighten");
        cli.ok("upgrade", "head");
        cli.ok("check");
        assertEquals(List.of("1|a@example.com|0", "2|b@example.com|0"), cli.query("SELECT id || '|' || email || '|' || score FROM account ORDER BY id"));
        CliFixture.Run dup = cli.run("--url", "jdbc:sqlite:" + cli.database(), "stamp", "head");
        dup.expect(0);
        cli.ok("downgrade", "-1");
        assertEquals(List.of("a@example.com", "b@example.com"), cli.query("SELECT email FROM account ORDER BY id"));
        cli.ok("upgrade", "head");
        cli.ok("check");
    }

    private void insert(String sql) {
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cli.database()); var s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
