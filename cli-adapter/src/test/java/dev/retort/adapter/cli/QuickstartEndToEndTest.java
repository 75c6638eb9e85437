package dev.retort.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's Alembic workflow, step by step, through the real CLI on a real SQLite file. */
class QuickstartEndToEndTest {
    @TempDir
    Path dir;

    static final String SCHEMA = """
            tables:
              - name: account
                columns:
                  - {name: id, type: bigint, primary_key: true, autoincrement: true}
                  - {name: email, type: "varchar(255)", nullable: false}
                indexes:
                  - {name: ix_account_email, columns: [email], unique: true}
              - name: invoice
                columns:
                  - {name: id, type: bigint, primary_key: true, autoincrement: true}
                  - {name: account_id, type: bigint, nullable: false}
                  - {name: total, type: "decimal(12,2)", nullable: false, default: "0"}
                foreign_keys:
                  - {columns: [account_id], references: account(id), on_delete: cascade}
                indexes:
                  - {name: ix_invoice_account_id, columns: [account_id]}
            """;

    @Test
    void init_autogenerate_upgrade_current_history_downgrade() {
        CliFixture cli = new CliFixture(dir);
        cli.ok("init", "app/models/migrations");
        assertTrue(Files.isRegularFile(dir.resolve("retort.yaml")));
        assertTrue(Files.isDirectory(dir.resolve("app/models/migrations/versions")));
        assertTrue(Files.isRegularFile(dir.resolve("app/models/schema.yaml")));

        cli.write("app/models/schema.yaml", SCHEMA);
        CliFixture.Run gen = cli.ok("revision", "--autogenerate", "-m", "create account and invoice");
        assertTrue(gen.out().startsWith("Generating "), gen.out());
        assertTrue(gen.err().contains("Detected + create table account"), gen.err());
        List<Path> files = listYaml(dir.resolve("app/models/migrations/versions"));
        assertEquals(1, files.size());
        String file = cli.read(files.get(0));
        String id = file.lines().filter(l -> l.startsWith("revision:")).findFirst().orElseThrow().substring(9).trim();
        assertTrue(id.matches("[0-9a-f]{12}"), id);
        assertTrue(files.get(0).getFileName().toString().startsWith(id + "_create_account_and_invoice"), files.get(0).toString());
        assertTrue(file.indexOf("name: account") < file.indexOf("name: invoice"), "referenced table first:\n" + file);
        assertTrue(file.contains("drop_table"), file);

        CliFixture.Run up = cli.ok("upgrade", "head");
        assertTrue(up.err().contains("Running upgrade  -> " + id + ", create account and invoice"), up.err());
        Path db = dir.resolve("app.db");
        assertTrue(Files.exists(db));
        assertEquals(List.of("account", "invoice", "retort_history", "retort_version"), tablesOf(cli));

        assertEquals(id + " (head)", cli.ok("current").out().strip());
        assertEquals("<base> -> " + id + " (head), create account and invoice", cli.ok("history").out().strip());

        CliFixture.Run again = cli.ok("revision", "--autogenerate", "-m", "nothing");
        assertTrue(again.err().contains("No changes detected"), again.err());
        assertEquals(1, listYaml(dir.resolve("app/models/migrations/versions")).size());

        CliFixture.Run nothing = cli.ok("upgrade", "head");
        assertTrue(nothing.err().contains("Nothing to upgrade"), nothing.err());

        cli.ok("downgrade", "base");
        assertEquals(List.of("retort_history", "retort_version"), tablesOf(cli));
        assertEquals("", cli.ok("current").out().strip());
        assertFalse(cli.query("SELECT count(*) FROM retort_version").get(0).equals("1"));

        cli.ok("upgrade", "head");
        assertEquals(List.of("account", "invoice", "retort_history", "retort_version"), tablesOf(cli));
        cli.query("SELECT 1");
    }

    @Test
    void foreign_keys_created_by_the_revision_are_enforced() {
        CliFixture cli = new CliFixture(dir);
        cli.ok("init", "app/models/migrations");
        cli.write("app/models/schema.yaml", SCHEMA);
        cli.ok("revision", "--autogenerate", "-m", "init");
        cli.ok("upgrade", "head");
        List<String> fks = cliQuery(cli, "SELECT \"table\" || '.' || \"from\" || '->' || \"to\" || ':' || on_delete FROM pragma_foreign_key_list('invoice')");
        assertEquals(List.of("account.account_id->id:CASCADE"), fks);
    }

    @Test
    void quiet_mode_prints_only_data() {
        CliFixture cli = new CliFixture(dir);
        cli.ok("-q", "init", "migrations");
        cli.write("schema.yaml", "tables:\n  - name: t\n    columns:\n      - {name: id, type: integer, primary_key: true}\n");
        CliFixture.Run r = cli.ok("revision", "-q", "--autogenerate", "-m", "t");
        assertEquals("", r.err());
        CliFixture.Run up = cli.ok("upgrade", "head", "-q");
        assertEquals("", up.err());
        assertEquals("", up.out());
    }

    @Test
    void help_and_version_work_everywhere() {
        CliFixture cli = new CliFixture(dir);
        assertTrue(cli.ok("--version").out().startsWith("retort "));
        for (String verb : List.of("init", "revision", "upgrade", "downgrade", "current", "history", "heads", "branches", "show", "stamp", "merge", "check")) {
            CliFixture.Run r = cli.ok(verb, "--help");
            assertTrue(r.out().contains("Usage: retort " + verb), verb + ":\n" + r.out());
            assertTrue(r.out().contains("Example"), verb + " help has an example");
        }
    }

    private static List<String> tablesOf(CliFixture cli) {
        return cli.query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    private static List<String> cliQuery(CliFixture cli, String sql) {
        return cli.query(sql);
    }

    private static List<Path> listYaml(Path versions) {
        try (var s = Files.list(versions)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
