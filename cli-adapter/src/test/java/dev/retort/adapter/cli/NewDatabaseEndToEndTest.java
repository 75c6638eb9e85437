package dev.retort.adapter.cli;

import static dev.retort.adapter.cli.CliFixture.createTable;
import static dev.retort.adapter.cli.CliFixture.dropTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project whose SQLite file does not exist yet: commands that only read the database, or that
 * stop on bad input, leave no file behind (neither {@code app.db} nor its lock file); the first
 * command that writes creates it.
 */
class NewDatabaseEndToEndTest {
    @TempDir
    Path dir;
    CliFixture cli;

    @BeforeEach
    void project() {
        cli = new CliFixture(dir).initProject();
        cli.revision("aaa111", null, "one", createTable("t1"), dropTable("t1"));
    }

    private void noDatabaseFiles() {
        assertFalse(Files.exists(cli.database()), "app.db");
        assertFalse(Files.exists(dir.resolve("app.db.retort-lock")), "lock file");
    }

    @Test
    void read_only_commands_report_base_without_creating_the_file() {
        assertTrue(cli.ok("current").err().contains("at base"));
        assertEquals("", cli.ok("current", "--format", "json").err());
        assertTrue(cli.ok("history", "-r", "current:").out().contains("aaa111"));
        cli.ok("verify");
        assertTrue(cli.ok("downgrade", "base").err().contains("Nothing to downgrade: the database is at base"));
        assertTrue(cli.ok("upgrade", "base").err().contains("Nothing to upgrade: the database is at base"));
        noDatabaseFiles();
    }

    @Test
    void bad_input_stops_before_the_file_is_created() {
        cli.run("upgrade", "nosuch").expect(1);
        cli.run("stamp", "nosuch").expect(1);
        cli.run("downgrade", "aaa111").expect(1);
        cli.run("check").expect(1);
        cli.write("migrations/versions/bbb222_two.yaml", "revision: bbb222\ndown_revision: aaa111\nupgrade:\n  - create_tabel: {name: x}\n");
        CliFixture.Run r = cli.run("upgrade", "head").expect(1);
        assertTrue(r.err().contains("bbb222_two.yaml:4"), r.err());
        noDatabaseFiles();
    }

    @Test
    void the_first_command_that_writes_creates_it() {
        cli.ok("upgrade", "head");
        assertEquals(List.of("retort_history", "retort_version", "t1"), cli.tables());
        assertEquals(List.of("aaa111"), cli.versionRows());
        assertTrue(cli.ok("current").out().contains("aaa111"));
    }

    @Test
    void stamp_creates_it_with_the_version_table_only() {
        cli.ok("stamp", "head");
        assertEquals(List.of("aaa111"), cli.versionRows());
        assertFalse(cli.tables().contains("t1"));
    }
}
