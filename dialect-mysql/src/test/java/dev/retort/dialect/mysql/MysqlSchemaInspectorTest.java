package dev.retort.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.core.domain.operation.CreateIndex;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import dev.retort.dialect.jdbc.CountingConnection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inspector on tables made by hand-written SQL, as MySQL users write it. */
class MysqlSchemaInspectorTest {

    private static ColumnType other(String raw) {
        return new ColumnType(ColumnType.Kind.OTHER, null, null, null, List.of(), raw);
    }

    @Test
    void reads_tables_made_by_raw_sql_in_portable_terms() throws Exception {
        try (MysqlTestDatabase db = MysqlTestDatabase.create("retort_insp")) {
            db.execute("CREATE TABLE parent (id INT PRIMARY KEY)",
                    """
                    CREATE TABLE `kitchen sink` (
                      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
                      flag BOOLEAN NOT NULL DEFAULT TRUE,
                      doc JSON,
                      created DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                      stamp TIMESTAMP NULL DEFAULT NULL,
                      label VARCHAR(20) DEFAULT 'it''s',
                      code VARCHAR(10) COLLATE utf8mb4_bin NOT NULL,
                      mood ENUM('ok','it''s','a\\\\b') DEFAULT 'ok',
                      amount DECIMAL(12,2) NOT NULL DEFAULT 0,
                      parent_a INT,
                      parent_b INT,
                      note TEXT COMMENT 'free text',
                      UNIQUE KEY uq_code (code),
                      KEY ix_label (label),
                      CONSTRAINT fk_a FOREIGN KEY (parent_a) REFERENCES parent (id) ON DELETE CASCADE,
                      FOREIGN KEY (parent_b) REFERENCES parent (id) ON UPDATE RESTRICT,
                      CONSTRAINT ck_amount CHECK (amount >= 0)
                    ) COMMENT 'everything'""",
                    "CREATE VIEW v AS SELECT id FROM parent",
                    "CREATE TABLE retort_version (version_num VARCHAR(255) NOT NULL PRIMARY KEY)",
                    "CREATE TABLE retort_history (id INT PRIMARY KEY)");
            db.apply(new CreateIndex("kitchen sink", new Index("ux_mood_label", List.of("mood", "label"), true)), Schema.EMPTY);

            Table expected = new Table("kitchen sink", List.of(
                    new Column("id", other("bigint unsigned"), false, null, true, null),
                    new Column("flag", ColumnType.parse("boolean"), false, "true", false, null),
                    new Column("doc", ColumnType.parse("json"), true, null, false, null),
                    new Column("created", ColumnType.parse("timestamp(3)"), false, "CURRENT_TIMESTAMP(3)", false, null),
                    new Column("stamp", ColumnType.parse("timestamptz"), true, null, false, null),
                    new Column("label", ColumnType.parse("varchar(20)"), true, "'it''s'", false, null),
                    new Column("code", other("varchar(10) collate utf8mb4_bin"), false, null, false, null),
                    new Column("mood", new ColumnType(ColumnType.Kind.ENUM, null, null, null, List.of("ok", "it's", "a\\b"), null), true, "'ok'", false, null),
                    new Column("amount", ColumnType.parse("decimal(12,2)"), false, "0", false, null),
                    new Column("parent_a", ColumnType.parse("integer"), true, null, false, null),
                    new Column("parent_b", ColumnType.parse("integer"), true, null, false, null),
                    new Column("note", ColumnType.parse("text"), true, null, false, "free text")),
                    new PrimaryKey(null, List.of("id")),
                    List.of(new UniqueConstraint("uq_code", List.of("code"))),
                    List.of(new Index("ix_label", List.of("label"), false), new Index("ux_mood_label", List.of("mood", "label"), true)),
                    List.of(new ForeignKey("fk_a", List.of("parent_a"), "parent", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.NO_ACTION),
                            new ForeignKey("kitchen sink_ibfk_1", List.of("parent_b"), "parent", List.of("id"), ReferentialAction.NO_ACTION,
                                    ReferentialAction.NO_ACTION)),
                    List.of(new CheckConstraint("ck_amount", "amount >= 0")), "everything");
            Schema inspected = db.inspect();
            assertEquals(List.of("kitchen sink", "parent"), inspected.tableNames(), "no view, no version or history table");
            assertEquals(expected, inspected.table("kitchen sink").orElseThrow());
        }
    }

    @Test
    void reads_the_catalog_in_the_same_four_queries_for_1_and_200_tables() throws Exception {
        try (MysqlTestDatabase db = MysqlTestDatabase.create("retort_bulk")) {
            db.execute("CREATE TABLE t000 (id INT PRIMARY KEY, p INT, n VARCHAR(10) DEFAULT 'x' COMMENT 'c', UNIQUE KEY uq (n), KEY ix (p, n),"
                    + " CONSTRAINT fk FOREIGN KEY (p) REFERENCES t000 (id), CHECK (p > 0))");
            assertEquals(4, queriesToInspect(db, 1));
            for (int i = 1; i < 200; i++) {
                db.execute(String.format("CREATE TABLE t%03d (id INT PRIMARY KEY, p INT, KEY ix (p), CHECK (p > 0))", i));
            }
            assertEquals(4, queriesToInspect(db, 200));
        }
    }

    private static int queriesToInspect(MysqlTestDatabase db, int tables) {
        CountingConnection counting = new CountingConnection(db.dialect.connection());
        Schema schema = new MysqlSchemaInspector(counting.connection(), "retort_version", "retort_history", db.dialect.mariadb()).inspect();
        assertEquals(tables, schema.tables().size());
        return counting.executions();
    }
}
