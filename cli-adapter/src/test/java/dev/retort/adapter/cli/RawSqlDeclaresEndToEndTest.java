package dev.retort.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.Schema;
import dev.retort.dialect.sqlite.SqliteDialectProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raw SQL and the replayed model: a table that raw SQL creates is unknown to offline scripts (and to
 * SQLite rebuilds) until the revision declares what the SQL leaves behind; then the script is complete
 * and runs through sqlite3 like the online upgrade.
 */
class RawSqlDeclaresEndToEndTest {
    @TempDir
    Path dir;
    CliFixture cli;

    static final String AUDIT_SQL = "CREATE TABLE audit (id INTEGER NOT NULL PRIMARY KEY, account_id INTEGER, note TEXT)";

    @BeforeEach
    void project() {
        cli = new CliFixture(dir).initProject();
        cli.revision("aaa111", null, "accounts", """
                - create_table:
                    name: account
                    columns:
                      - {name: id, type: integer, primary_key: true}
                      - {name: email, type: "varchar(200)", nullable: false}
                """, """
                - drop_table: account
                """);
        // ccc333 makes audit.note NOT NULL: on SQLite a table rebuild, which needs audit's definition.
        cli.revision("ccc333", "bbb222", "audit notes required", """
                - alter_column: {table: audit, column: note, nullable: false, default: "''"}
                """, """
                - alter_column: {table: audit, column: note, nullable: true, default: null}
                """);
    }

    private void auditRevision(String declares) {
        cli.revision("bbb222", "aaa111", "audit by hand", """
                - sql:
                    all: "%s"
                %s""".formatted(AUDIT_SQL, declares.indent(4)), """
                - sql: "DROP TABLE audit"
                """);
    }

    @Test
    void an_undeclared_raw_sql_table_stops_the_offline_script_naming_both_revisions_and_what_to_declare() {
        auditRevision("");
        CliFixture.Run r = cli.run("upgrade", "head", "--sql", "--dialect", "sqlite");
        assertEquals(1, r.code(), r.err());
        assertEquals("", r.out(), "no partial script");
        String err = r.err().strip();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains("ccc333") && err.contains("bbb222") && err.contains("declares: {tables: [the definition of audit]}"), err);
        assertTrue(cli.ok("show", "bbb222", "--schema").out().contains("audit"), "show --schema names the unknown table");
    }

    @Test
    void declared_tables_make_the_offline_script_complete_and_it_matches_the_online_upgrade() throws Exception {
        auditRevision("""
                declares:
                  tables:
                    - name: audit
                      columns:
                        - {name: id, type: integer, primary_key: true}
                        - {name: account_id, type: integer}
                        - {name: note, type: text}
                """);
        String show = cli.ok("show", "bbb222", "--schema").out();
        assertFalse(show.contains("unknown"), show);

        String up = cli.ok("upgrade", "head", "--sql", "--dialect", "sqlite").out();
        assertTrue(up.contains(AUDIT_SQL) && up.contains("-- Running upgrade bbb222 -> ccc333"), up);
        Path offline = dir.resolve("offline.db");
        Path script = Files.writeString(dir.resolve("up.sql"), up, StandardCharsets.UTF_8);
        OfflineScriptEndToEndTest.run(script, "sqlite3", "-bail", offline.toString());

        Path online = dir.resolve("online.db");
        cli.ok("--url", "jdbc:sqlite:" + online, "upgrade", "bbb222");
        sql(online, "INSERT INTO audit (id, account_id, note) VALUES (1, 7, NULL), (2, 8, 'kept')");
        cli.ok("--url", "jdbc:sqlite:" + online, "upgrade", "head");
        assertEquals("1:7:|2:8:kept", rows(online), "the rebuild keeps the rows and fills the NULL with the default");

        Schema a = inspect(online).withoutTable("retort_history");
        Schema b = inspect(offline);
        assertEquals(a, b, "offline script and online upgrade leave the same schema");
        Column note = b.table("audit").orElseThrow().column("note").orElseThrow();
        assertFalse(note.nullable(), "audit.note is NOT NULL after the rebuild");

        // and back down, offline, through the declared model
        String down = cli.ok("downgrade", "ccc333:aaa111", "--sql", "--dialect", "sqlite").out();
        Path downScript = Files.writeString(dir.resolve("down.sql"), down, StandardCharsets.UTF_8);
        OfflineScriptEndToEndTest.run(downScript, "sqlite3", "-bail", offline.toString());
        assertFalse(inspect(offline).hasTable("audit"), "downgrade dropped audit");
    }

    @Test
    void an_empty_declaration_says_the_sql_changes_no_table_so_later_rebuilds_work_offline() throws Exception {
        for (Path p : cli.revisionFiles()) {
            if (p.getFileName().toString().startsWith("ccc333")) {
                Files.delete(p);
            }
        }
        cli.revision("bbb222", "aaa111", "lower-case emails", """
                - sql: "UPDATE account SET email = lower(email)"
                """, """
                - sql: "SELECT 1"
                """);
        cli.revision("ccc333", "bbb222", "email longer", """
                - alter_column: {table: account, column: email, type: "varchar(300)"}
                """, """
                - alter_column: {table: account, column: email, type: "varchar(200)"}
                """);
        CliFixture.Run refused = cli.run("upgrade", "head", "--sql", "--dialect", "sqlite");
        assertEquals(1, refused.code(), refused.err());
        assertTrue(refused.err().contains("table account was changed by raw sql in revision bbb222"), refused.err());

        cli.revision("bbb222", "aaa111", "lower-case emails", """
                - sql:
                    all: "UPDATE account SET email = lower(email)"
                    declares: {}
                """, """
                - sql: "SELECT 1"
                """);
        String up = cli.ok("upgrade", "head", "--sql", "--dialect", "sqlite").out();
        assertTrue(up.contains("UPDATE account SET email = lower(email)") && up.contains("VARCHAR(300)"), up);
    }

    private static void sql(Path db, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String rows(Path db) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, account_id, note FROM audit ORDER BY id")) {
            while (rs.next()) {
                sb.append(sb.length() == 0 ? "" : "|").append(rs.getInt(1)).append(':').append(rs.getInt(2)).append(':').append(rs.getString(3));
            }
        }
        return sb.toString();
    }

    private static Schema inspect(Path db) {
        try (Dialect d = new SqliteDialectProvider().open(new ConnectionSettings("jdbc:sqlite:" + db, null, null, null, null))) {
            return d.inspector().inspect();
        }
    }
}
