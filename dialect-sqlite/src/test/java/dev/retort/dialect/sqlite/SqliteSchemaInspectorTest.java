package dev.retort.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.core.domain.schema.Schema;
import dev.retort.dialect.jdbc.CountingConnection;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import dev.retort.dialect.jdbc.JdbcDialect;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteSchemaInspectorTest {
    @TempDir
    Path dir;
    private JdbcDialect dialect;

    @BeforeEach
    void open() {
        dialect = (JdbcDialect) new SqliteDialectProvider().open(new ConnectionSettings("jdbc:sqlite:" + dir.resolve("i.db"), null, null, null, "my_versions"));
    }

    @AfterEach
    void close() {
        dialect.close();
    }

    private void createTables(int count) {
        dialect.begin();
        for (int i = 0; i < count; i++) {
            dialect.execute("CREATE TABLE t" + i + " (id INTEGER PRIMARY KEY AUTOINCREMENT, name VARCHAR(20) NOT NULL UNIQUE, parent_id INTEGER REFERENCES t"
                    + i + " (id) ON DELETE SET NULL, CHECK (length(name) > 0))");
            dialect.execute("CREATE INDEX ix_t" + i + "_parent ON t" + i + " (parent_id)");
        }
        dialect.commit();
    }

    private int statementsToInspect() {
        CountingConnection counting = new CountingConnection(dialect.connection());
        Schema schema = new SqliteSchemaInspector(counting.connection(), "my_versions").inspect();
        assertFalse(schema.tables().isEmpty());
        Table t0 = schema.table("t0").orElseThrow();
        assertEquals(1, t0.indexes().size());
        assertEquals(1, t0.foreignKeys().size());
        assertEquals(1, t0.uniqueConstraints().size());
        assertEquals(1, t0.checks().size());
        return counting.executions();
    }

    @Test
    void inspection_runs_the_same_number_of_queries_for_1_and_200_tables() {
        createTables(1);
        int forOne = statementsToInspect();
        dialect.execute("DROP TABLE t0");
        createTables(200);
        int forTwoHundred = statementsToInspect();
        assertEquals(4, forOne);
        assertEquals(forOne, forTwoHundred);
    }

    @Test
    void leaves_out_retorts_own_version_and_history_tables_whatever_their_case() {
        dialect.execute("CREATE TABLE my_versions (v TEXT)");
        dialect.execute("CREATE TABLE RETORT_HISTORY (h TEXT)");
        dialect.execute("CREATE TABLE mine (id INTEGER)");
        assertEquals(List.of("mine"), dialect.inspector().inspect().tableNames());
        assertEquals(List.of("mine", "my_versions"),
                new SqliteSchemaInspector(dialect.connection(), "other_versions", "retort_history").inspect().tableNames());
    }

    @Test
    void reads_hand_written_ddl() {
        dialect.execute("CREATE TABLE parent (a INTEGER NOT NULL, b TEXT NOT NULL, CONSTRAINT pk_parent PRIMARY KEY (a, b))");
        dialect.execute("CREATE TABLE child (id integer primary key, untyped, amount numeric(10, 2) default 0, "
                + "kind TEXT CONSTRAINT ck_kind CHECK (kind IN ('x','y')), odd NVARCHAR(10) DEFAULT ('q'), a INT, b TEXT, "
                + "CONSTRAINT fk_child_parent FOREIGN KEY (a, b) REFERENCES parent ON UPDATE CASCADE, "
                + "CONSTRAINT uq_child_ab UNIQUE (a, b), CHECK (amount >= 0))");
        dialect.execute("CREATE UNIQUE INDEX ux_child_odd ON child (odd DESC)");
        dialect.execute("CREATE INDEX ix_child_expr ON child (lower(b))");
        dialect.execute("CREATE VIEW v AS SELECT * FROM child");
        dialect.versionStore().create();

        Schema schema = dialect.inspector().inspect();

        assertEquals(List.of("child", "parent"), schema.tableNames(), "no view, no version table");
        assertEquals(new PrimaryKey("pk_parent", List.of("a", "b")), schema.table("parent").orElseThrow().primaryKey());
        Table child = schema.table("child").orElseThrow();
        assertEquals(List.of(
                new Column("id", ColumnType.of(ColumnType.Kind.INTEGER), false, null, false, null),
                new Column("untyped", ColumnType.of(ColumnType.Kind.BLOB), true, null, false, null),
                new Column("amount", ColumnType.decimal(10, 2), true, "0", false, null),
                new Column("kind", ColumnType.parse("enum('x','y')"), true, null, false, null),
                new Column("odd", ColumnType.parse("NVARCHAR(10)"), true, "'q'", false, null),
                new Column("a", ColumnType.of(ColumnType.Kind.INTEGER), true, null, false, null),
                new Column("b", ColumnType.of(ColumnType.Kind.TEXT), true, null, false, null)), child.columns());
        assertEquals(ColumnType.Kind.OTHER, child.column("odd").orElseThrow().type().kind());
        assertEquals(List.of(new ForeignKey("fk_child_parent", List.of("a", "b"), "parent", List.of("a", "b"), ReferentialAction.NO_ACTION,
                ReferentialAction.CASCADE)), child.foreignKeys());
        assertEquals(List.of(new UniqueConstraint("uq_child_ab", List.of("a", "b"))), child.uniqueConstraints());
        assertEquals(List.of(new Index("ux_child_odd", List.of("odd"), true)), child.indexes(), "the expression index is left out");
        assertEquals(List.of(new CheckConstraint(null, "amount >= 0")), child.checks());
    }

    @Test
    void a_retort_bigint_autoincrement_key_reads_back_as_bigint() {
        dialect.execute("CREATE TABLE a (\"id\" INTEGER /* retort:bigint */ NOT NULL PRIMARY KEY AUTOINCREMENT)");
        dialect.execute("CREATE TABLE b (id INTEGER PRIMARY KEY AUTOINCREMENT)");
        dialect.execute("CREATE TABLE c (id INTEGER PRIMARY KEY)");
        Schema s = dialect.inspector().inspect();
        assertEquals(new Column("id", ColumnType.of(ColumnType.Kind.BIGINT), false, null, true, null), s.table("a").orElseThrow().columns().get(0));
        assertEquals(new Column("id", ColumnType.of(ColumnType.Kind.INTEGER), false, null, true, null), s.table("b").orElseThrow().columns().get(0));
        assertEquals(new Column("id", ColumnType.of(ColumnType.Kind.INTEGER), false, null, false, null), s.table("c").orElseThrow().columns().get(0));
        assertTrue(dialect.tableExists("sqlite_sequence"), "AUTOINCREMENT made SQLite's own table");
        assertFalse(s.hasTable("sqlite_sequence"));
    }

    @Test
    void a_text_column_checked_against_a_list_is_an_enum_but_a_varchar_one_keeps_its_check() {
        dialect.execute("CREATE TABLE e (a TEXT CHECK (\"a\" IN ('p', 'it''s')), b VARCHAR(5) CHECK (b IN ('p')))");
        Table e = dialect.inspector().inspect().table("e").orElseThrow();
        assertEquals(ColumnType.parse("enum('p','it''s')"), e.columns().get(0).type());
        assertEquals(ColumnType.varchar(5), e.columns().get(1).type());
        assertEquals(List.of(new CheckConstraint(null, "b IN ('p')")), e.checks());
    }
}
