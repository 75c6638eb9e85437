package dev.retort.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.UnsupportedOperationForDialectException;
import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.ConstraintType;
import dev.retort.core.domain.operation.CreateIndex;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.DropIndex;
import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.RenameColumn;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which operations the planner merges into one rebuild, on the model of {@link SqliteTableRebuildTest}. */
class SqliteRebuildPlannerTest {
    private final SqliteRebuildPlanner planner = new SqliteRebuildPlanner(new SqliteDdlRenderer());
    private final Schema model = SqliteTableRebuildTest.fixture();

    private long rebuilds(List<String> statements) {
        return statements.stream().filter(s -> s.startsWith("CREATE TABLE \"" + SqliteDdlRenderer.TMP_PREFIX)).count();
    }

    private static AlterColumn alterType(String table, String column, String type) {
        return new AlterColumn(table, column, ColumnType.parse(type), null, null, null);
    }

    @Test
    void operations_that_need_no_rebuild_render_as_the_renderer_renders_them() {
        List<Operation> ops = List.of(new CreateIndex("tag", new Index("ix_tag_name", List.of("name"), false)), new DropColumn("tag", "label"),
                new AddColumn("tag", Column.of("extra", ColumnType.parse("text"), true)), ExecuteSql.of("SELECT 1"));
        assertEquals(List.of("CREATE INDEX \"ix_tag_name\" ON \"tag\" (\"name\")", "ALTER TABLE \"tag\" DROP COLUMN \"label\"",
                "ALTER TABLE \"tag\" ADD COLUMN \"extra\" TEXT", "SELECT 1"), planner.renderAll(ops, model));
    }

    @Test
    void dropping_a_column_indexed_earlier_in_the_revision_needs_a_rebuild() {
        List<Operation> ops = List.of(new CreateIndex("tag", new Index("ix_tag_label", List.of("label"), false)), new DropColumn("tag", "label"));
        List<String> sql = planner.renderAll(ops, model);
        assertEquals(1, rebuilds(sql), sql.toString());
        assertTrue(sql.stream().noneMatch(s -> s.contains("ix_tag_label")), "the index goes with its column: " + sql);
    }

    @Test
    void index_changes_and_column_drops_next_to_a_rebuild_join_it() {
        List<Operation> ops = List.of(
                new DropIndex("account", "ix_account_name"),
                alterType("account", "name", "varchar(10)"),
                new DropColumn("account", "avatar"),
                new CreateIndex("account", new Index("ix_account_name", List.of("name", "email"), true)));
        List<String> sql = planner.renderAll(ops, model);
        assertEquals(1, rebuilds(sql), sql.toString());
        assertTrue(sql.contains("CREATE UNIQUE INDEX \"ix_account_name\" ON \"account\" (\"name\", \"email\")"), sql.toString());
        assertTrue(sql.stream().noneMatch(s -> s.startsWith("DROP INDEX") || s.contains("DROP COLUMN")), sql.toString());
    }

    @Test
    void an_operation_of_another_kind_on_the_same_table_ends_the_run() {
        List<Operation> ops = List.of(alterType("account", "name", "varchar(10)"), new RenameColumn("account", "email", "mail"),
                alterType("account", "name", "varchar(20)"));
        assertEquals(2, rebuilds(planner.renderAll(ops, model)));
    }

    @Test
    void a_run_ends_where_merging_would_skip_what_the_operations_do_one_by_one() {
        AlterColumn notNull = new AlterColumn("account", "name", null, false, new AlterColumn.Change("'x'"), null);
        AlterColumn nullable = new AlterColumn("account", "name", null, true, null, null);
        assertEquals(2, rebuilds(planner.renderAll(List.of(notNull, nullable), model)), "the first fills the NULLs");
        assertEquals(2, rebuilds(planner.renderAll(List.of(alterType("invoice", "code", "integer"), alterType("invoice", "code", "text")), model)),
                "'12' becomes 12, then '12' again; '12.0' would not");
        assertEquals(2, rebuilds(planner.renderAll(List.of(
                new AddUniqueConstraint("account", new UniqueConstraint("uq_x", List.of("name"))),
                new DropConstraint("account", "uq_x", ConstraintType.UNIQUE)), model)), "the rows are checked against uq_x");
        assertEquals(1, rebuilds(planner.renderAll(List.of(alterType("account", "name", "varchar(9)"), notNull,
                new DropConstraint("account", "uq_account_email", ConstraintType.UNIQUE)), model)));
    }

    @Test
    void nulls_take_the_default_of_the_step_that_makes_the_column_not_null() {
        List<String> sql = planner.renderAll(List.of(new AlterColumn("account", "name", null, false, new AlterColumn.Change("'first'"), null),
                new AlterColumn("account", "name", null, null, new AlterColumn.Change("'second'"), null)), model);
        assertEquals(1, rebuilds(sql));
        assertTrue(sql.stream().anyMatch(s -> s.contains("COALESCE(\"name\", ('first'))")), sql.toString());
    }

    @Test
    void a_revision_with_several_rebuilds_of_referenced_tables_switches_foreign_keys_once() {
        List<Operation> ops = List.of(alterType("account", "name", "varchar(10)"), alterType("invoice", "note", "varchar(10)"),
                alterType("account", "email", "varchar(100)"));
        List<String> sql = planner.renderAll(ops, model);
        assertEquals(3, rebuilds(sql));
        assertEquals(SqliteDdlRenderer.FOREIGN_KEYS_OFF, sql.get(0));
        assertEquals(SqliteDdlRenderer.FOREIGN_KEYS_ON, sql.get(sql.size() - 1));
        assertEquals(1, sql.stream().filter(SqliteDdlRenderer.FOREIGN_KEYS_OFF::equals).count());
        assertEquals(1, sql.stream().filter(SqliteDdlRenderer.FOREIGN_KEYS_ON::equals).count());
    }

    @Test
    void a_table_nothing_references_is_rebuilt_with_foreign_keys_left_alone() {
        List<String> sql = planner.renderAll(List.of(alterType("tag", "label", "varchar(10)")), model);
        assertTrue(sql.stream().noneMatch(s -> s.contains("foreign_key")), sql.toString());
    }

    @Test
    void later_operations_see_the_schema_the_run_produced() {
        List<Operation> ops = List.of(
                new AddUniqueConstraint("tag", new UniqueConstraint("uq_tag_label", List.of("label"))),
                new AddColumn("tag", Column.of("extra", ColumnType.parse("text"), true)),
                new DropConstraint("tag", "uq_tag_label", ConstraintType.UNIQUE));
        List<String> sql = planner.renderAll(ops, model);
        assertEquals(2, rebuilds(sql));
        assertTrue(sql.get(sql.size() - 6).contains("\"extra\""), "the second rebuild copies the added column: " + sql);
    }

    @Test
    void an_operation_that_does_not_apply_to_the_model_is_refused_with_the_reason() {
        UnsupportedOperationForDialectException e = assertThrows(UnsupportedOperationForDialectException.class,
                () -> planner.renderAll(List.of(alterType("tag", "label", "text"), new DropConstraint("tag", "nope", ConstraintType.CHECK)), model));
        assertTrue(e.getMessage().contains("constraint nope on tag does not exist at this point"), e.getMessage());
    }

    @Test
    void a_table_the_model_does_not_know_cannot_be_rebuilt() {
        UnsupportedOperationForDialectException e = assertThrows(UnsupportedOperationForDialectException.class,
                () -> planner.renderAll(List.of(ExecuteSql.of("CREATE TABLE raw (id INTEGER)"), alterType("raw", "id", "bigint")), model));
        assertTrue(e.getMessage().contains("its definition is unknown here"), e.getMessage());
    }
}
