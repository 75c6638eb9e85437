package dev.retort.adapter.cli;

import static dev.retort.adapter.cli.CliFixture.createTable;
import static dev.retort.adapter.cli.CliFixture.dropTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.dialect.jdbc.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checksums, verify, repair, the applied history and the lock's waiting, through the CLI. */
class IntegrityEndToEndTest {
    @TempDir
    Path dir;
    CliFixture cli;

    @BeforeEach
    void project() {
        cli = new CliFixture(dir).initProject();
        cli.revision("aaa111", null, "one", createTable("t1"), dropTable("t1"));
        cli.revision("bbb222", "aaa111", "two", createTable("t2"), dropTable("t2"));
    }

    @Test
    void an_edited_applied_revision_stops_upgrade_until_restored_or_accepted() {
        cli.ok("upgrade", "aaa111");
        assertTrue(cli.ok("verify").out().contains("All 1 applied revision match their files"));

        cli.revision("aaa111", null, "one", createTable("t1") + createTable("t1b"), dropTable("t1b") + dropTable("t1"));
        CliFixture.Run refused = cli.run("upgrade", "head");
        refused.expect(1);
        assertTrue(refused.err().contains("revision aaa111 (migrations/versions/aaa111_one.yaml) changed since it was applied"), refused.err());
        assertTrue(refused.err().contains("retort repair --accept-checksums"), refused.err());
        assertEquals(java.util.List.of("aaa111"), cli.versionRows(), "nothing ran");

        CliFixture.Run verify = cli.run("verify");
        verify.expect(1);
        assertTrue(verify.out().startsWith("changed: revision aaa111"), verify.out());
        assertTrue(cli.run("verify", "--format", "json").out().contains("\"ok\" : false"));

        CliFixture.Run plain = cli.ok("repair");
        assertTrue(plain.out().contains("--accept-checksums"), plain.out());
        cli.run("upgrade", "head").expect(1);
        assertTrue(cli.ok("repair", "--accept-checksums").out().contains("accepted the new checksum of revision aaa111"));
        cli.ok("verify");
        cli.ok("upgrade", "head");
        String applied = cli.ok("history", "--applied").out();
        assertTrue(applied.contains("upgrade   aaa111       success"), applied);
        assertTrue(applied.contains("upgrade   aaa111       accepted"), applied);
        assertTrue(applied.contains("upgrade   bbb222       success"), applied);
    }

    /**
     * Files older than the header cache's settling time are cached with their checksums after a
     * run; an applied revision edited afterwards is still caught (its size and time changed).
     */
    @Test
    void a_kept_checksum_never_hides_an_edit() throws Exception {
        java.nio.file.attribute.FileTime anHourAgo = java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600));
        Path one = dir.resolve("migrations/versions/aaa111_one.yaml");
        Path two = dir.resolve("migrations/versions/bbb222_two.yaml");
        java.nio.file.Files.setLastModifiedTime(one, anHourAgo);
        java.nio.file.Files.setLastModifiedTime(two, anHourAgo);
        cli.ok("upgrade", "aaa111");
        cli.ok("upgrade", "head");    // checks aaa111's checksum, then keeps it in the cache
        Path cache = dir.resolve("migrations/.retort_cache/revision-headers.bin");
        String kept = new String(java.nio.file.Files.readAllBytes(cache), java.nio.charset.StandardCharsets.ISO_8859_1);
        CliFixture.Run verified = cli.ok("verify");
        assertTrue(verified.out().contains("All 2 applied revisions match their files"), verified.out());
        assertTrue(kept.matches("(?s).*[0-9a-f]{64}.*"), "a checksum is in the cache");

        cli.revision("aaa111", null, "one", createTable("t1") + createTable("t1b"), dropTable("t1b") + dropTable("t1"));
        java.nio.file.Files.setLastModifiedTime(one, anHourAgo);   // an old time again: only size and inode tell
        CliFixture.Run refused = cli.run("upgrade", "head");
        refused.expect(1);
        assertTrue(refused.err().contains("revision aaa111 (migrations/versions/aaa111_one.yaml) changed since it was applied"), refused.err());
    }

    @Test
    void message_and_layout_edits_do_not_count_as_changes() {
        cli.ok("upgrade", "head");
        Path file = dir.resolve("migrations/versions/aaa111_one.yaml");
        cli.write("migrations/versions/aaa111_one.yaml", "# reviewed in PR 42\n" + cli.read(file).replace("message: one", "message: \"one, better said\""));
        cli.ok("verify");
    }

    @Test
    void a_runner_that_cannot_get_the_lock_waits_then_times_out() throws Exception {
        cli.write("retort.yaml", cli.read(dir.resolve("retort.yaml")) + "\nlock_timeout: 1s\n");
        cli.ok("upgrade", "aaa111");
        Path lockFile = dir.resolve("app.db.retort-lock");
        try (var channel = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.WRITE);
             var held = channel.lock()) {
            // A lock held by this JVM through a channel conflicts with Retort's own tryLock on the same file.
            CliFixture.Run r = cli.run("upgrade", "head");
            r.expect(2);
            assertTrue(r.err().contains("waiting for the migration lock"), r.err());
            assertTrue(r.err().contains("timed out after 1 s"), r.err());
            held.isValid();
        }
        assertEquals(java.util.List.of("aaa111"), cli.versionRows());
        cli.ok("upgrade", "head");
    }

    @Test
    void mysql_half_applied_revision_is_recorded_and_blocks_until_repair() throws SQLException {
        String base = TestDatabases.urlFromEnvironment(TestDatabases.MYSQL_URL, "MySQL/MariaDB", "jdbc:mysql://127.0.0.1:3306/test?user=root");
        String db = TestDatabases.uniqueName("dirty");
        exec(base, "CREATE DATABASE " + db);
        try {
            String url = OfflineScriptEndToEndTest.withDatabase(base, db);
            cli.revision("ccc333", "bbb222", "half", createTable("t3") + "- sql: INSERT INTO no_such_table VALUES (1)\n" + createTable("t4"),
                    dropTable("t4") + dropTable("t3"));
            CliFixture.Run failed = cli.run("--url", url, "upgrade", "head");
            failed.expect(2);
            assertTrue(failed.err().contains("ccc333") && failed.err().contains("no_such_table"), failed.err());
            assertTrue(failed.err().contains("does not roll back DDL"), failed.err());

            CliFixture.Run refused = cli.run("--url", url, "upgrade", "head");
            refused.expect(1);
            assertTrue(refused.err().contains("half-changed") && refused.err().contains("ccc333") && refused.err().contains("retort repair"),
                    refused.err());
            CliFixture.Run verify = cli.run("--url", url, "verify");
            verify.expect(1);
            assertTrue(verify.out().contains("failed: revision ccc333 failed during upgrade"), verify.out());

            exec(url, "DROP TABLE t3");
            assertTrue(cli.ok("--url", url, "repair").out().contains("cleared the failed upgrade of revision ccc333"));
            exec(url, "CREATE TABLE no_such_table (x INT)");
            cli.ok("--url", url, "upgrade", "head");
            assertEquals("ccc333", scalar(url, "SELECT version_num FROM retort_version"));
        } finally {
            exec(base, "DROP DATABASE " + db);
        }
    }

    private static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String scalar(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
