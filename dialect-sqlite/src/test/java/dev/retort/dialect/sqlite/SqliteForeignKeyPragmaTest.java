package dev.retort.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.dialect.sqlite.SqliteTestDatabase.Rendering;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why a rebuild of a referenced table needs foreign keys off, and how the dialect gets them off
 * although core runs each revision in a transaction. Measured on the bundled SQLite: with foreign
 * keys on, {@code DROP TABLE parent} inside a transaction runs an implicit {@code DELETE FROM parent}
 * whose ON DELETE CASCADE empties the child table; neither {@code PRAGMA defer_foreign_keys = ON}
 * (it defers checks, not actions) nor {@code PRAGMA foreign_keys = OFF} (a no-op inside a
 * transaction) prevents it.
 */
class SqliteForeignKeyPragmaTest {
    @TempDir
    Path dir;

    private static final String[] PARENT_AND_CHILD = {
        "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT)",
        "CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE)",
        "INSERT INTO parent VALUES (1, 'a'), (2, 'b')",
        "INSERT INTO child VALUES (10, 1), (11, 2)"};

    private static void run(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void inside_a_transaction_dropping_the_parent_cascades_to_its_children_whatever_the_pragmas_say() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("evidence.db"))) {
            run(c, "PRAGMA foreign_keys = ON");
            run(c, PARENT_AND_CHILD);
            c.setAutoCommit(false);
            run(c, "PRAGMA foreign_keys = OFF", "PRAGMA defer_foreign_keys = ON");
            assertEquals(1, scalar(c, "PRAGMA foreign_keys"), "PRAGMA foreign_keys is a no-op inside a transaction");
            run(c, "CREATE TABLE new_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                    "INSERT INTO new_parent (id, name) SELECT id, name FROM parent",
                    "DROP TABLE parent",
                    "ALTER TABLE new_parent RENAME TO parent");
            c.commit();
            assertEquals(0, scalar(c, "SELECT count(*) FROM child"), "the implicit DELETE of DROP TABLE cascaded");
        }
    }

    @Test
    void with_foreign_keys_off_before_the_transaction_the_children_survive_and_the_key_is_enforced_after() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("off.db"))) {
            run(c, "PRAGMA foreign_keys = ON");
            run(c, PARENT_AND_CHILD);
            run(c, "PRAGMA foreign_keys = OFF");
            c.setAutoCommit(false);
            run(c, "CREATE TABLE new_parent (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                    "INSERT INTO new_parent (id, name) SELECT id, name FROM parent",
                    "DROP TABLE parent",
                    "ALTER TABLE new_parent RENAME TO parent");
            c.commit();
            c.setAutoCommit(true);
            run(c, "PRAGMA foreign_keys = ON");
            assertEquals(2, scalar(c, "SELECT count(*) FROM child"));
            assertThrows(SQLException.class, () -> run(c, "INSERT INTO child VALUES (12, 99)"));
            run(c, "DELETE FROM parent WHERE id = 1");
            assertEquals(1, scalar(c, "SELECT count(*) FROM child"), "the cascade points at the new parent table");
        }
    }

    @Test
    void the_dialect_switches_foreign_keys_off_when_the_pragma_opens_the_transaction_and_on_again_when_it_ends() {
        try (SqliteTestDatabase db = new SqliteTestDatabase(dir.resolve("dialect.db"))) {
            for (boolean commit : new boolean[] {true, false}) {
                db.dialect.begin();
                db.dialect.execute(SqliteDdlRenderer.FOREIGN_KEYS_OFF);
                assertTrue(db.dialect.inTransaction());
                assertEquals("0", db.scalar("PRAGMA foreign_keys"));
                db.dialect.execute("CREATE TABLE t" + commit + " (id INTEGER)");
                if (commit) {
                    db.dialect.commit();
                } else {
                    db.dialect.rollback();
                }
                assertEquals("1", db.scalar("PRAGMA foreign_keys"), commit ? "after commit" : "after rollback");
            }
            assertEquals(List.of("ttrue"), db.inspect().tableNames(), "the committed table stays, the rolled back one is gone");
        }
    }

    @Test
    void the_pragma_after_other_statements_of_the_transaction_fails_rather_than_losing_child_rows() {
        try (SqliteTestDatabase db = new SqliteTestDatabase(dir.resolve("late.db"))) {
            db.dialect.begin();
            db.dialect.execute("CREATE TABLE early (id INTEGER)");
            DatabaseException e = assertThrows(DatabaseException.class, () -> db.dialect.execute(SqliteDdlRenderer.FOREIGN_KEYS_OFF));
            assertTrue(e.getMessage().contains("SQLite switches foreign keys off only outside a transaction"), e.getMessage());
            db.dialect.rollback();
            assertEquals("1", db.scalar("PRAGMA foreign_keys"));
        }
    }

    private static List<String> rebuildParent() {
        Table parent = new Table("parent", List.of(
                Column.of("id", ColumnType.parse("integer"), false),
                Column.of("name", ColumnType.parse("text"), true)),
                new PrimaryKey(null, List.of("id")), null, null, null, null, null);
        Table child = new Table("child", List.of(
                Column.of("id", ColumnType.parse("integer"), false),
                Column.of("parent_id", ColumnType.parse("integer"), true)),
                new PrimaryKey(null, List.of("id")), null, null,
                List.of(new ForeignKey(null, List.of("parent_id"), "parent", List.of("id"),
                        ReferentialAction.CASCADE, null)), null, null);
        return SqliteDialect.RENDERER.renderAll(List.of(new AlterColumn("parent", "name", ColumnType.parse("varchar(10)"), null, null, null)),
                new Schema(List.of(parent, child)));
    }

    @Test
    void an_offline_script_run_inside_a_transaction_with_foreign_keys_on_stops_at_the_guard_and_keeps_the_children() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("offline-on.db"))) {
            run(c, "PRAGMA foreign_keys = ON");
            run(c, PARENT_AND_CHILD);
            c.setAutoCommit(false);
            SQLException e = assertThrows(SQLException.class, () -> run(c, rebuildParent().toArray(String[]::new)));
            assertTrue(e.getMessage().contains("rebuilding table parent needs foreign keys off: run PRAGMA foreign_keys = OFF before BEGIN"), e.getMessage());
            c.rollback();
            assertEquals(2, scalar(c, "SELECT count(*) FROM child"));
        }
    }

    @Test
    void an_offline_script_run_by_a_client_that_leaves_foreign_keys_off_keeps_the_children() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("offline-off.db"))) {
            run(c, PARENT_AND_CHILD);
            c.setAutoCommit(false);
            run(c, rebuildParent().toArray(String[]::new));
            c.commit();
            assertEquals(2, scalar(c, "SELECT count(*) FROM child"));
        }
    }

    @Test
    void a_migration_through_the_dialect_keeps_the_children() {
        try (SqliteTestDatabase db = new SqliteTestDatabase(dir.resolve("online.db"))) {
            db.sql(PARENT_AND_CHILD);
            db.migrate(List.of(new AlterColumn("parent", "name", ColumnType.parse("varchar(10)"), null, null, null)), Rendering.PER_OPERATION);
            assertEquals("2", db.scalar("SELECT count(*) FROM child"));
            db.assertCleanAfterRebuild();
        }
    }
}
