package dev.retort.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.ConstraintType;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.SchemaEvolution;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the conformance suite does not reach: statements rendered from an inspected schema (as
 * the online runner does) on tables MySQL users made by hand.
 */
class MysqlDdlExecutionTest {

    /** Renders with the inspected schema, runs, and returns the table afterwards. */
    private static Table applyInspected(MysqlTestDatabase db, Operation op) {
        Schema before = db.inspect();
        db.apply(op, before);
        Table after = db.inspect().table(op.table()).orElseThrow();
        assertEquals(new MysqlSchemaNormalizer().normalize(SchemaEvolution.apply(before, op)).table(op.table()).orElseThrow(),
                new MysqlSchemaNormalizer().normalize(new Schema(List.of(after))).tables().get(0), "after " + op.describe());
        return after;
    }

    @Test
    void modify_column_keeps_what_the_catalog_knows_about_the_column() throws Exception {
        try (MysqlTestDatabase db = MysqlTestDatabase.create("retort_mod")) {
            db.execute("CREATE TABLE t (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY COMMENT 'key',"
                    + " code VARCHAR(10) COLLATE utf8mb4_bin NOT NULL DEFAULT 'a' COMMENT 'case matters',"
                    + " doc JSON NOT NULL, hits INT UNSIGNED DEFAULT 0, state ENUM('new','old') DEFAULT 'new')");

            Table t = applyInspected(db, new AlterColumn("t", "code", null, true, null, null));
            assertEquals(new Column("code", new ColumnType(ColumnType.Kind.OTHER, null, null, null, List.of(), "varchar(10) collate utf8mb4_bin"),
                    true, "'a'", false, "case matters"), t.column("code").orElseThrow(), "collation, default and comment survive MODIFY");

            t = applyInspected(db, new AlterColumn("t", "id", null, null, null, new AlterColumn.Change("the key")));
            assertEquals(new Column("id", ColumnType.parse("bigint"), false, null, true, "the key"), t.column("id").orElseThrow());

            t = applyInspected(db, new AlterColumn("t", "doc", null, true, null, null));
            assertEquals(new Column("doc", ColumnType.parse("json"), true, null, false, null), t.column("doc").orElseThrow(),
                    "still json (MariaDB puts its JSON_VALID check back)");
            assertEquals(List.of(), t.checks());

            t = applyInspected(db, new AlterColumn("t", "hits", ColumnType.parse("bigint unsigned"), false, null, null));
            assertEquals(new Column("hits", new ColumnType(ColumnType.Kind.OTHER, null, null, null, List.of(), "bigint unsigned"), false, "0", false, null),
                    t.column("hits").orElseThrow());

            t = applyInspected(db, new AlterColumn("t", "state", ColumnType.parse("enum('new','old','it''s')"), null, new AlterColumn.Change("'it''s'"), null));
            assertEquals("'it''s'", t.column("state").orElseThrow().defaultValue());
        }
    }

    @Test
    void dropping_a_foreign_key_drops_the_index_mysql_made_for_it_but_not_one_the_user_made() throws Exception {
        try (MysqlTestDatabase db = MysqlTestDatabase.create("retort_fk")) {
            db.execute("CREATE TABLE parent (id INT PRIMARY KEY)",
                    "CREATE TABLE child (id INT PRIMARY KEY, a INT, b INT, CONSTRAINT fk_a FOREIGN KEY (a) REFERENCES parent (id),"
                            + " KEY ix_b (b), CONSTRAINT fk_b FOREIGN KEY (b) REFERENCES parent (id))");
            Table child = db.inspect().table("child").orElseThrow();
            assertEquals(List.of(new Index("ix_b", List.of("b"), false)), child.indexes(), "fk_a's own index is not a user index");

            applyInspected(db, new DropConstraint("child", "fk_a", ConstraintType.FOREIGN_KEY));
            child = applyInspected(db, new DropConstraint("child", "fk_b", ConstraintType.FOREIGN_KEY));
            assertEquals(List.of(new Index("ix_b", List.of("b"), false)), child.indexes());
            assertEquals(List.of(), child.foreignKeys());
            assertTrue(db.dialect.renderer().render(new DropConstraint("child", "fk_b", ConstraintType.FOREIGN_KEY)).size() > 1);
        }
    }

    @Test
    void dropping_a_column_of_multi_column_keys_drops_those_keys_as_the_model_does() throws Exception {
        try (MysqlTestDatabase db = MysqlTestDatabase.create("retort_dropcol")) {
            db.execute("CREATE TABLE t (id INT, a INT, b INT, c INT, PRIMARY KEY (id, b), UNIQUE KEY uq_a_b (a, b), KEY ix_c_b (c, b), KEY ix_b (b))");
            Table t = applyInspected(db, new DropColumn("t", "b"));
            assertEquals(null, t.primaryKey());
            assertEquals(List.of(), t.uniqueConstraints());
            assertEquals(List.of(), t.indexes());
        }
    }
}
