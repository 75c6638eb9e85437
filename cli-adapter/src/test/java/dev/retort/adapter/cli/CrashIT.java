package dev.retort.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.dialect.jdbc.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills the real CLI process ({@code kill -9}) at random moments during an upgrade of a
 * 50-revision chain, then checks that version table, history and schema agree — or, on a database
 * without transactional DDL, that the state is flagged dirty with a clear message — and that a
 * following {@code upgrade head} completes. 30 kills per database with RETORT_TEST_STRESS=true
 * (CI), 4 otherwise.
 */
class CrashIT {
    static final int REVISIONS = 50;
    static final int KILLS = "true".equalsIgnoreCase(System.getenv("RETORT_TEST_STRESS")) ? 30 : 4;
    static final Path JAR = Path.of("target/retort-all.jar").toAbsolutePath();

    @TempDir
    Path dir;
    CliFixture cli;
    final Random random = new Random(42);

    @BeforeEach
    void project() {
        cli = new CliFixture(dir).initProject();
        for (int i = 1; i <= REVISIONS; i++) {
            cli.revision(id(i), i == 1 ? null : id(i - 1), "step " + i, CliFixture.createTable("t" + i), CliFixture.dropTable("t" + i));
        }
    }

    static String id(int i) {
        return String.format("r%03d", i);
    }

    @Test
    void sqlite_survives_kill_9() throws Exception {
        for (int k = 0; k < KILLS; k++) {
            String url = "jdbc:sqlite:" + dir.resolve("crash" + k + ".db");
            crashAndRecover(url, Map.of(), null, true);
        }
    }

    @Test
    void postgres_survives_kill_9() throws Exception {
        String base = TestDatabases.urlFromEnvironment(TestDatabases.POSTGRES_URL, "PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        for (int k = 0; k < KILLS; k++) {
            String schema = TestDatabases.uniqueName("crash");
            exec(base, null, "CREATE SCHEMA " + schema);
            try {
                cli.env.put("RETORT_SCHEMA", schema);
                crashAndRecover(base, Map.of("RETORT_SCHEMA", schema), "SET search_path TO " + schema, true);
            } finally {
                cli.env.remove("RETORT_SCHEMA");
                exec(base, null, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void mysql_survives_kill_9_or_says_it_is_dirty() throws Exception {
        String base = TestDatabases.urlFromEnvironment(TestDatabases.MYSQL_URL, "MySQL/MariaDB", "jdbc:mysql://127.0.0.1:3306/test?user=root");
        for (int k = 0; k < KILLS; k++) {
            String db = TestDatabases.uniqueName("crash");
            exec(base, null, "CREATE DATABASE " + db);
            try {
                crashAndRecover(OfflineScriptEndToEndTest.withDatabase(base, db), Map.of(), null, false);
            } finally {
                exec(base, null, "DROP DATABASE " + db);
            }
        }
    }

    private void crashAndRecover(String url, Map<String, String> env, String setup, boolean transactional) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString(), "-q", "--url", url,
                "upgrade", "head").directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("crash.log").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        Thread.sleep(300 + random.nextInt(1700));
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));

        int head = versionHead(url, setup);
        List<String> tables = tables(url, setup);
        int created = (int) tables.stream().filter(t -> t.matches("t\\d+")).count();
        boolean dirty = false;
        if (transactional) {
            assertEquals(head, created, "version table and schema agree after kill -9 (tables " + tables + ")");
            assertEquals(head, successes(url, setup), "one success row per applied revision");
        } else if (created != head) {
            dirty = true;
            assertEquals(head + 1, created, "at most the revision being applied is half done");
        }
        CliFixture.Run resumed = cli.run("-q", "--url", url, "upgrade", "head");
        if (resumed.code() != 0) {
            // Only a database without transactional DDL may be left dirty, and it must say so.
            assertTrue(!transactional, "transactional databases always resume: " + resumed.err());
            resumed.expect(1);
            assertTrue(resumed.err().contains("never finished") || resumed.err().contains("failed during"), resumed.err());
            assertTrue(resumed.err().contains("retort repair"), resumed.err());
            if (dirty) {
                cli.ok("-q", "--url", url, "stamp", id(head + 1));
            }
            cli.ok("-q", "--url", url, "repair");
            cli.ok("-q", "--url", url, "upgrade", "head");
        }
        assertEquals(REVISIONS, versionHead(url, setup));
        assertEquals(REVISIONS, (int) tables(url, setup).stream().filter(t -> t.matches("t\\d+")).count());
    }

    private static int versionHead(String url, String setup) throws SQLException {
        List<String> rows = query(url, setup, "SELECT version_num FROM retort_version", "retort_version");
        assertTrue(rows.size() <= 1, "at most one head row: " + rows);
        return rows.isEmpty() ? 0 : Integer.parseInt(rows.get(0).substring(1));
    }

    private static int successes(String url, String setup) throws SQLException {
        List<String> rows = query(url, setup, "SELECT COUNT(*) FROM retort_history WHERE outcome = 'SUCCESS'", "retort_history");
        return rows.isEmpty() ? 0 : Integer.parseInt(rows.get(0));
    }

    private static List<String> tables(String url, String setup) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            if (setup != null) {
                try (Statement s = c.createStatement()) {
                    s.execute(setup);
                }
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    out.add(rs.getString("TABLE_NAME"));
                }
            }
            return out;
        }
    }

    private static List<String> query(String url, String setup, String sql, String table) throws SQLException {
        if (!tables(url, setup).contains(table)) {
            return List.of();
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            if (setup != null) {
                s.execute(setup);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }

    private static void exec(String url, String setup, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            if (setup != null) {
                s.execute(setup);
            }
            s.execute(sql);
        }
    }

    static String read(Path p) throws java.io.IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}
