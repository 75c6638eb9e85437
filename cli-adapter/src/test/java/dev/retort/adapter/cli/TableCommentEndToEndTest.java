package dev.retort.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.dialect.jdbc.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table comment changed in the model: check lists it, autogenerate writes alter_table, upgrade and downgrade apply it (PostgreSQL). */
class TableCommentEndToEndTest {
    @TempDir
    Path dir;

    static String schemaYaml(String comment) {
        return """
                tables:
                  - name: account
                    comment: %s
                    columns:
                      - {name: id, type: bigint, primary_key: true}
                """.formatted(comment);
    }

    @Test
    void a_changed_table_comment_is_checked_generated_applied_and_reverted_on_postgres() throws Exception {
        String url = TestDatabases.urlFromEnvironment(TestDatabases.POSTGRES_URL, "PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        String schema = TestDatabases.uniqueName("tcomment");
        exec(url, "CREATE SCHEMA " + schema);
        try {
            CliFixture cli = new CliFixture(dir).initProject();
            cli.env.put("RETORT_SCHEMA", schema);
            cli.write("schema.yaml", schemaYaml("\"who pays\""));
            cli.ok("--url", url, "revision", "--autogenerate", "-m", "account");
            cli.ok("--url", url, "upgrade", "head");
            assertEquals("who pays", comment(url, schema));
            cli.ok("--url", url, "check");

            cli.write("schema.yaml", schemaYaml("\"who pays; it's the customer\""));
            CliFixture.Run pending = cli.run("--url", url, "check");
            pending.expect(1);
            assertEquals("~ alter table account comment", pending.out().strip());
            cli.ok("--url", url, "revision", "--autogenerate", "-m", "comment");
            String file = cli.revisionFiles().stream().filter(p -> p.getFileName().toString().endsWith("_comment.yaml")).map(cli::read).findFirst().orElseThrow();
            assertTrue(file.contains("alter_table: {table: account, comment: who pays; it's the customer}"), file);
            assertTrue(file.contains("alter_table: {table: account, comment: who pays}"), file);
            cli.ok("--url", url, "upgrade", "head");
            assertEquals("who pays; it's the customer", comment(url, schema));
            cli.ok("--url", url, "check");

            cli.ok("--url", url, "downgrade", "-1");
            assertEquals("who pays", comment(url, schema));
        } finally {
            exec(url, "DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static String comment(String url, String schema) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT obj_description('" + schema + ".account'::regclass, 'pg_class')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
