package dev.retort.adapter.cli;

import static dev.retort.adapter.cli.CliFixture.createTable;
import static dev.retort.adapter.cli.CliFixture.dropTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error is one line naming the file or revision, a non-zero exit, and no change to the database. */
class ErrorsEndToEndTest {
    @TempDir
    Path dir;
    CliFixture cli;

    @BeforeEach
    void project() {
        cli = new CliFixture(dir).initProject();
    }

    private static void oneLineError(CliFixture.Run r, int code, String... fragments) {
        r.expect(code);
        List<String> errors = r.err().lines().filter(l -> !l.startsWith("Running ")).toList();
        assertEquals(1, errors.size(), "one line besides progress:\n" + r.err());
        String err = errors.get(0);
        assertTrue(err.startsWith("error: "), err);
        for (String f : fragments) {
            assertTrue(err.contains(f), "'" + f + "' in: " + err);
        }
        assertFalse(err.contains("Exception"), "no exception class names: " + err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    private void baseRevision() {
        cli.revision("aaa111", null, "one", createTable("t1"), dropTable("t1"));
    }

    @Test
    void broken_yaml_names_file_and_line() {
        baseRevision();
        cli.write("migrations/versions/bbb222_broken.yaml", "revision: bbb222\ndown_revision: aaa111\nupgrade:\n  - create_table: {name: x\n");
        oneLineError(cli.run("upgrade", "head"), 1, "bbb222_broken.yaml:5:", "YAML");
        assertEquals(List.of(), cli.tables());
    }

    @Test
    void unknown_operation_names_file_and_line() {
        cli.write("migrations/versions/aaa111_x.yaml", "revision: aaa111\ndown_revision: null\nupgrade:\n  - create_tabel: {name: x}\n");
        oneLineError(cli.run("upgrade", "head"), 1, "aaa111_x.yaml", ":4", "create_tabel");
    }

    @Test
    void cycle_names_the_revisions_and_files() {
        cli.revision("aaa111", "ccc333", "a", "", "");
        cli.revision("bbb222", "aaa111", "b", "", "");
        cli.revision("ccc333", "bbb222", "c", "", "");
        oneLineError(cli.run("history"), 1, "cycle", "aaa111", "bbb222", "ccc333", "aaa111_a.yaml");
    }

    @Test
    void missing_parent_names_the_file_and_the_missing_id() {
        cli.revision("bbb222", "aaa111", "orphan", "", "");
        oneLineError(cli.run("heads"), 1, "bbb222", "bbb222_orphan.yaml", "aaa111");
    }

    @Test
    void duplicate_ids_name_both_files() {
        cli.revision("aaa111", null, "one", "", "");
        cli.revision("aaa111", null, "two", "", "");
        oneLineError(cli.run("heads"), 1, "aaa111", "aaa111_one.yaml", "aaa111_two.yaml");
    }

    @Test
    void duplicate_branch_labels_name_both_revisions() {
        cli.revision("aaa111", null, "one", "", "", "branch_labels: [x]\n");
        cli.revision("bbb222", null, "two", "", "", "branch_labels: [x]\n");
        oneLineError(cli.run("heads"), 1, "'x'", "aaa111", "bbb222");
    }

    @Test
    void ambiguous_prefix_lists_the_candidates() {
        cli.revision("abc111", null, "one", "", "");
        cli.revision("abc222", "abc111", "two", "", "");
        oneLineError(cli.run("upgrade", "abc"), 1, "ambiguous", "abc111", "abc222");
        cli.ok("upgrade", "abc2");
    }

    @Test
    void unknown_target_and_bad_syntax() {
        baseRevision();
        oneLineError(cli.run("upgrade", "zzz999"), 1, "zzz999");
        oneLineError(cli.run("upgrade", "he@d!"), 1, "not a revision target");
        oneLineError(cli.run("upgrade", "+3"), 1, "goes past");
        oneLineError(cli.run("downgrade", "aaa111"), 1, "not applied");
        assertEquals(List.of(), cli.tables());
    }

    @Test
    void failing_revision_is_rolled_back_and_named() {
        baseRevision();
        cli.revision("bbb222", "aaa111", "bad", createTable("t2") + "- sql: INSERT INTO no_such_table VALUES (1)\n", dropTable("t2"));
        CliFixture.Run r = cli.run("upgrade", "head");
        oneLineError(r, 2, "bbb222", "no_such_table", "rolled back");
        assertEquals(List.of("retort_history", "retort_version", "t1"), cli.tables(), "t2 rolled back with its revision");
        assertEquals(List.of("aaa111:UPGRADE:SUCCESS", "bbb222:UPGRADE:FAILED"),
                cli.query("SELECT revision || ':' || direction || ':' || outcome FROM retort_history ORDER BY installed_rank"));
        assertEquals(List.of("aaa111"), cli.versionRows());
    }

    @Test
    void version_table_holding_an_unknown_revision() {
        baseRevision();
        cli.ok("upgrade", "head");
        cli.ok("stamp", "--purge", "base");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cli.database()); var s = c.createStatement()) {
            s.execute("INSERT INTO retort_version VALUES ('fff999')");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        oneLineError(cli.run("upgrade", "head"), 1, "fff999", "retort_version", "stamp");
        oneLineError(cli.run("current"), 1, "fff999");
    }

    @Test
    void database_that_cannot_be_opened() {
        baseRevision();
        oneLineError(cli.run("--url", "jdbc:sqlite:" + dir.resolve("no/such/dir/x.db"), "upgrade", "head"), 2, "no/such/dir");
    }

    @Test
    void url_no_dialect_accepts() {
        baseRevision();
        oneLineError(cli.run("--url", "jdbc:oracle:thin:@//db:1521/x", "current"), 2, "no dialect", "sqlite");
    }

    @Test
    void password_never_printed() {
        baseRevision();
        CliFixture.Run r = cli.run("--url", "jdbc:postgresql://bob:s3cr3tpw@127.0.0.1:1/db", "upgrade", "head");
        r.expect(2);
        assertFalse(r.err().contains("s3cr3tpw"), r.err());
        assertFalse(r.out().contains("s3cr3tpw"), r.out());
        CliFixture.Run verbose = cli.run("--verbose", "--url", "jdbc:postgresql://127.0.0.1:1/db?user=bob&password=s3cr3tpw", "upgrade", "head");
        verbose.expect(2);
        assertFalse(verbose.err().contains("s3cr3tpw"), verbose.err());
    }

    @Test
    void missing_config_file() {
        oneLineError(cli.run("-c", "nope.yaml", "heads"), 1, "nope.yaml", "init");
    }

    @Test
    void bad_command_line() {
        CliFixture.Run r = cli.run("upgrade", "--no-such-flag");
        r.expect(1);
        assertTrue(r.err().contains("--no-such-flag"), r.err());
        cli.run("frobnicate").expect(1);
    }

    @Test
    void init_refuses_an_existing_project() {
        oneLineError(cli.run("init", "migrations"), 1, "retort.yaml");
    }

    @Test
    void verbose_shows_the_stack_trace() {
        cli.revision("bbb222", "aaa111", "orphan", "", "");
        CliFixture.Run r = cli.run("--verbose", "heads");
        r.expect(1);
        assertTrue(r.err().contains("\tat "), r.err());
    }
}
