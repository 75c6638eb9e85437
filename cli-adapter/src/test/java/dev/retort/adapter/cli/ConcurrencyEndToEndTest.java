package dev.retort.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.dialect.jdbc.TestDatabases;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eight CLI runs, each with its own connection, upgrade the same fresh database at once over a
 * 20-revision chain: every revision is applied exactly once (each inserts its id into a log table
 * whose key would reject a second run), all runs exit 0, and the version table ends at head.
 * 3 rounds per database by default; 20 with RETORT_TEST_STRESS=true (CI sets it).
 */
class ConcurrencyEndToEndTest {
    static final int RUNNERS = 8;
    static final int REVISIONS = 20;
    static final int ROUNDS = "true".equalsIgnoreCase(System.getenv("RETORT_TEST_STRESS")) ? 20 : 3;

    @TempDir
    Path dir;
    CliFixture cli;

    @BeforeEach
    void project() {
        cli = new CliFixture(dir).initProject();
        cli.revision("r00", null, "log", "- create_table:\n    name: applied_log\n    columns:\n      - {name: revision, type: \"varchar(20)\", primary_key: true}\n"
                + "- sql: \"INSERT INTO applied_log (revision) VALUES ('r00')\"\n", "- drop_table: applied_log\n");
        for (int i = 1; i < REVISIONS; i++) {
            String id = String.format("r%02d", i);
            String prev = String.format("r%02d", i - 1);
            cli.revision(id, prev, "step " + i, CliFixture.createTable("t" + i) + "- sql: \"INSERT INTO applied_log (revision) VALUES ('" + id + "')\"\n",
                    "- sql: \"DELETE FROM applied_log WHERE revision = '" + id + "'\"\n" + CliFixture.dropTable("t" + i));
        }
    }

    @Test
    void sqlite_eight_runners_apply_each_revision_once() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String url = "jdbc:sqlite:" + dir.resolve("race" + round + ".db");
            race(url);
            assertApplied(url, null);
        }
    }

    @Test
    void postgres_eight_runners_apply_each_revision_once() throws Exception {
        String base = TestDatabases.urlFromEnvironment(TestDatabases.POSTGRES_URL, "PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        for (int round = 0; round < ROUNDS; round++) {
            String schema = TestDatabases.uniqueName("race");
            exec(base, "CREATE SCHEMA " + schema);
            try {
                cli.env.put("RETORT_SCHEMA", schema);
                race(base);
                assertApplied(base, "SET search_path TO " + schema);
            } finally {
                cli.env.remove("RETORT_SCHEMA");
                exec(base, "DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    @Test
    void mysql_eight_runners_apply_each_revision_once() throws Exception {
        String base = TestDatabases.urlFromEnvironment(TestDatabases.MYSQL_URL, "MySQL/MariaDB", "jdbc:mysql://127.0.0.1:3306/test?user=root");
        for (int round = 0; round < ROUNDS; round++) {
            String db = TestDatabases.uniqueName("race");
            exec(base, "CREATE DATABASE " + db);
            try {
                String url = OfflineScriptEndToEndTest.withDatabase(base, db);
                race(url);
                assertApplied(url, null);
            } finally {
                exec(base, "DROP DATABASE " + db);
            }
        }
    }

    private void race(String url) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<CliFixture.Run>> runs = new ArrayList<>();
            for (int i = 0; i < RUNNERS; i++) {
                Callable<CliFixture.Run> task = () -> {
                    start.await();
                    return cli.run("-q", "--url", url, "upgrade", "head");
                };
                runs.add(pool.submit(task));
            }
            start.countDown();
            for (Future<CliFixture.Run> f : runs) {
                f.get(120, TimeUnit.SECONDS).expect(0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertApplied(String url, String setup) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            if (setup != null) {
                s.execute(setup);
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT revision) FROM applied_log")) {
                rs.next();
                assertEquals(REVISIONS, rs.getInt(1), "each revision applied exactly once");
                assertEquals(REVISIONS, rs.getInt(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT version_num FROM retort_version")) {
                assertTrue(rs.next());
                assertEquals(String.format("r%02d", REVISIONS - 1), rs.getString(1));
                assertTrue(!rs.next(), "one head row");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM retort_history WHERE outcome = 'SUCCESS'")) {
                rs.next();
                assertEquals(REVISIONS, rs.getInt(1), "one history row per applied step");
            }
        }
    }

    private static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String host(String url) {
        return URI.create(url.substring(5)).getHost();
    }
}
