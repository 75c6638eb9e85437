package dev.retort.dialect.sqlite;

import static dev.retort.dialect.sqlite.SqliteTestDatabase.normalized;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.UnsupportedOperationForDialectException;
import dev.retort.core.domain.operation.AddCheckConstraint;
import dev.retort.core.domain.operation.AddForeignKey;
import dev.retort.core.domain.operation.AddPrimaryKey;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.ConstraintType;
import dev.retort.core.domain.operation.CreateIndex;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.SchemaEvolution;
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
import dev.retort.dialect.sqlite.SqliteTestDatabase.Rendering;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every operation SQLite does by rebuilding a table, on a database with rows in it: account
 * (referenced by invoice with ON DELETE CASCADE and by itself with ON DELETE SET NULL), invoice
 * (referenced by invoice_line with ON DELETE CASCADE), invoice_line, product and tag. Each revision
 * runs as core runs one: rendered up front from the inspected schema, then in one transaction.
 * Each test runs with statements rendered per operation (core today) and through the planner.
 */
class SqliteTableRebuildTest {
    @TempDir
    Path dir;
    private SqliteTestDatabase db;
    private Schema model;

    static Table account() {
        return new Table("account", List.of(
                new Column("id", ColumnType.parse("bigint"), false, null, true, null),
                Column.of("email", ColumnType.parse("varchar(255)"), false),
                Column.of("name", ColumnType.parse("text"), true),
                new Column("score", ColumnType.parse("integer"), false, "0", false, null),
                new Column("created_at", ColumnType.parse("timestamp"), false, "CURRENT_TIMESTAMP", false, null),
                Column.of("parent_id", ColumnType.parse("bigint"), true),
                Column.of("avatar", ColumnType.parse("blob"), true)),
                new PrimaryKey(null, List.of("id")),
                List.of(new UniqueConstraint("uq_account_email", List.of("email"))),
                List.of(new Index("ix_account_name", List.of("name"), false)),
                List.of(new ForeignKey("fk_account_parent", List.of("parent_id"), "account", List.of("id"), ReferentialAction.SET_NULL, null)),
                List.of(new CheckConstraint("ck_account_score", "score >= 0")), "comments are dropped on SQLite");
    }

    static Table invoice() {
        return new Table("invoice", List.of(
                Column.of("id", ColumnType.parse("integer"), false),
                Column.of("account_id", ColumnType.parse("bigint"), false),
                new Column("total", ColumnType.parse("decimal(12,2)"), false, "0", false, null),
                Column.of("code", ColumnType.parse("varchar(20)"), true),
                new Column("status", ColumnType.parse("enum('new','paid')"), true, "'new'", false, null),
                Column.of("note", ColumnType.parse("text"), true)),
                new PrimaryKey("pk_invoice", List.of("id")), List.of(),
                List.of(new Index("ix_invoice_account", List.of("account_id"), false)),
                List.of(new ForeignKey("fk_invoice_account", List.of("account_id"), "account", List.of("id"), ReferentialAction.CASCADE, null)),
                List.of(), null);
    }

    static Table invoiceLine() {
        return new Table("invoice_line", List.of(
                Column.of("id", ColumnType.parse("integer"), false),
                Column.of("invoice_id", ColumnType.parse("integer"), false),
                Column.of("qty", ColumnType.parse("integer"), false),
                Column.of("product_id", ColumnType.parse("integer"), true)),
                new PrimaryKey(null, List.of("id")), List.of(), List.of(),
                List.of(new ForeignKey("fk_line_invoice", List.of("invoice_id"), "invoice", List.of("id"), ReferentialAction.CASCADE, null)),
                List.of(), null);
    }

    static Schema fixture() {
        return new Schema(List.of(account(), invoice(), invoiceLine(),
                new Table("product", List.of(Column.of("id", ColumnType.parse("integer"), false), Column.of("name", ColumnType.parse("text"), true)),
                        new PrimaryKey("pk_product", List.of("id")), null, null, null, null, null),
                Table.of("tag", List.of(Column.of("name", ColumnType.parse("text"), false), Column.of("label", ColumnType.parse("text"), true)))));
    }

    @BeforeEach
    void open() {
        db = new SqliteTestDatabase(dir.resolve("rebuild.db"));
        model = fixture();
        db.create(model);
        db.sql("INSERT INTO account (id, email, name, score, created_at, parent_id, avatar) VALUES "
                        + "(1, 'ann@example.com', 'Ann', 5, '2024-01-01 10:00:00', NULL, x'00ff'), "
                        + "(2, 'bob@example.com', NULL, 0, '2024-01-02 10:00:00', 1, NULL), "
                        + "(3, 'cy@example.com', 'Cy', 7, '2024-01-03 10:00:00', 1, NULL), "
                        + "(4, 'dee@example.com', 'Dee', 1, '2024-01-04 10:00:00', NULL, NULL)",
                // The AUTOINCREMENT counter stays at 4 after the delete: a rebuild must not hand 4 out again.
                "DELETE FROM account WHERE id = 4",
                "INSERT INTO invoice (id, account_id, total, code, status, note) VALUES "
                        + "(10, 1, 12.5, '12', 'new', 'first'), (11, 2, 3, 'abc', 'paid', NULL), (12, 1, 0, NULL, NULL, 'ünïcødé')",
                "INSERT INTO product (id, name) VALUES (1, 'p1'), (2, 'p2')",
                "INSERT INTO invoice_line (id, invoice_id, qty, product_id) VALUES (100, 10, 2, 1), (101, 11, 1, NULL), (102, 12, 5, 2)",
                "INSERT INTO tag (name, label) VALUES ('a', 'A'), ('b', NULL)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    // ---------------------------------------------------------------- helpers

    /** Runs the revision and checks rows, schema, indexes and foreign keys afterwards. */
    private void migrateAndCheck(Rendering rendering, List<Operation> ops, Consumer<Map<String, List<Map<String, String>>>> expectedRowChange) {
        Map<String, List<Map<String, String>>> expected = copy(db.rows());
        expectedRowChange.accept(expected);
        db.migrate(ops, rendering);
        model = SchemaEvolution.applyAll(model, ops);

        assertEquals(expected, db.rows(), "rows after " + describe(ops));
        assertEquals(normalized(model), normalized(db.inspect()), "inspected schema after " + describe(ops));
        for (Table t : model.tables()) {
            List<String> held = db.indexNames(t.name());
            t.indexes().forEach(i -> assertTrue(held.contains(i.name()), "index " + i.name() + " recreated, found " + held));
        }
        db.assertCleanAfterRebuild();
        assertForeignKeysStillEnforced();
    }

    private void migrateAndCheck(Rendering rendering, List<Operation> ops) {
        migrateAndCheck(rendering, ops, rows -> { });
    }

    /** Incoming keys survive: violating inserts fail, and ON DELETE actions reach the rows they did before. */
    private void assertForeignKeysStillEnforced() {
        Table invoice = model.table("invoice").orElseThrow();
        Table account = model.table("account").orElseThrow();
        boolean invoiceToAccount = invoice.foreignKeys().stream().anyMatch(f -> f.referencedTable().equals("account"));
        if (invoiceToAccount) {
            assertThrows(DatabaseException.class, () -> db.sql("INSERT INTO invoice (id, account_id) VALUES (99, 999)"), "invoice -> account enforced");
        }
        db.sql("DELETE FROM account WHERE id = 1");
        if (invoiceToAccount) {
            assertEquals(List.of("11"), db.strings("SELECT id FROM invoice WHERE ? IS NOT NULL ORDER BY id", "x"), "invoices of account 1 cascaded");
            assertEquals(List.of("101"), db.strings("SELECT id FROM invoice_line WHERE ? IS NOT NULL ORDER BY id", "x"), "their lines cascaded too");
        }
        if (account.foreignKeys().stream().anyMatch(f -> f.name().equals("fk_account_parent"))) {
            assertEquals(List.of("NULL", "NULL"), db.strings("SELECT quote(parent_id) FROM account WHERE ? IS NOT NULL ORDER BY id", "x"),
                    "ON DELETE SET NULL of account's own key");
        }
        assertEquals(List.of(), db.foreignKeyViolations());
    }

    private static Map<String, List<Map<String, String>>> copy(Map<String, List<Map<String, String>>> rows) {
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        rows.forEach((t, list) -> out.put(t, new ArrayList<>(list.stream().map(r -> (Map<String, String>) new LinkedHashMap<>(r)).toList())));
        return out;
    }

    private static String describe(List<Operation> ops) {
        return String.join("; ", ops.stream().map(Operation::describe).toList());
    }

    private static AlterColumn alterType(String table, String column, String type) {
        return new AlterColumn(table, column, ColumnType.parse(type), null, null, null);
    }

    private static AlterColumn alterNullable(String table, String column, boolean nullable, String defaultValue) {
        return new AlterColumn(table, column, null, nullable, defaultValue == null ? null : new AlterColumn.Change(defaultValue), null);
    }

    // ---------------------------------------------------------------- alter column

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void alter_column_type_of_a_referenced_table_keeps_every_row_and_the_incoming_keys(Rendering rendering) {
        migrateAndCheck(rendering, List.of(alterType("account", "name", "varchar(100)")));
        assertEquals("4", db.scalar("SELECT seq FROM sqlite_sequence WHERE name = 'account'"));
        db.sql("INSERT INTO account (email) VALUES ('new@example.com')");
        assertEquals("5", db.scalar("SELECT max(id) FROM account"), "the AUTOINCREMENT counter was carried over: 4 is not reused");
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void alter_column_to_not_null_with_a_default_fills_the_nulls_with_it(Rendering rendering) {
        migrateAndCheck(rendering, List.of(alterNullable("account", "name", false, "'(none)'")),
                rows -> rows.get("account").get(1).put("name", "text:'(none)'"));
        assertThrows(DatabaseException.class, () -> db.sql("INSERT INTO account (email, name) VALUES ('z@example.com', NULL)"));
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void alter_column_to_not_null_without_a_default_fails_on_nulls_naming_the_column_and_changes_nothing(Rendering rendering) {
        Map<String, List<Map<String, String>>> before = db.rows();
        Schema schemaBefore = db.inspect();
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> db.migrate(List.of(alterNullable("account", "name", false, null)), rendering));
        assertTrue(e.getMessage().contains("NOT NULL constraint failed: _retort_tmp_account.name"), e.getMessage());
        assertEquals(before, db.rows());
        assertEquals(schemaBefore, db.inspect());
        db.assertCleanAfterRebuild();
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void alter_column_default_applies_to_new_rows(Rendering rendering) {
        migrateAndCheck(rendering, List.of(new AlterColumn("account", "score", null, null, new AlterColumn.Change("10"), null)));
        db.sql("INSERT INTO account (email) VALUES ('new@example.com')");
        assertEquals("10", db.scalar("SELECT score FROM account WHERE email = 'new@example.com'"));
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void alter_column_type_converts_values_by_the_new_affinity_and_keeps_what_does_not_convert(Rendering rendering) {
        migrateAndCheck(rendering, List.of(alterType("invoice", "code", "integer")), rows -> {
            rows.get("invoice").get(0).put("code", "integer:12");
            // 'abc' is no number: the integer column keeps it as text, where CAST would have made it 0.
        });
        assertEquals("text", db.scalar("SELECT typeof(code) FROM invoice WHERE id = 11"));
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void alter_column_to_an_enum_checks_the_values(Rendering rendering) {
        migrateAndCheck(rendering, List.of(alterType("invoice", "note", "enum('first','ünïcødé')")));
        assertThrows(DatabaseException.class, () -> db.sql("UPDATE invoice SET note = 'other' WHERE id = 11"));
    }

    @Test
    void a_comment_only_alteration_renders_nothing() {
        assertEquals(List.of(), db.render(List.of(new AlterColumn("account", "name", null, null, null, new AlterColumn.Change("x"))), Rendering.PLANNED));
    }

    // ---------------------------------------------------------------- constraints

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void add_primary_key(Rendering rendering) {
        migrateAndCheck(rendering, List.of(new AddPrimaryKey("tag", new PrimaryKey("pk_tag", List.of("name")))));
        assertThrows(DatabaseException.class, () -> db.sql("INSERT INTO tag (name) VALUES ('a')"));
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void add_unique_constraint(Rendering rendering) {
        migrateAndCheck(rendering, List.of(new AddUniqueConstraint("account", new UniqueConstraint("uq_account_name", List.of("name")))));
        assertThrows(DatabaseException.class, () -> db.sql("INSERT INTO account (email, name) VALUES ('x@example.com', 'Cy')"));
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void add_unique_constraint_over_duplicates_fails_and_changes_nothing(Rendering rendering) {
        db.sql("UPDATE account SET name = 'Ann' WHERE id = 3");
        Map<String, List<Map<String, String>>> before = db.rows();
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.migrate(
                List.of(new AddUniqueConstraint("account", new UniqueConstraint("uq_account_name", List.of("name")))), rendering));
        assertTrue(e.getMessage().contains("UNIQUE constraint failed"), e.getMessage());
        assertEquals(before, db.rows());
        db.assertCleanAfterRebuild();
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void add_foreign_key(Rendering rendering) {
        migrateAndCheck(rendering, List.of(new AddForeignKey("invoice_line",
                new ForeignKey("fk_line_product", List.of("product_id"), "product", List.of("id"), ReferentialAction.SET_NULL, null))));
        assertThrows(DatabaseException.class, () -> db.sql("INSERT INTO invoice_line (id, invoice_id, qty, product_id) VALUES (103, 11, 1, 99)"));
        db.sql("UPDATE invoice_line SET product_id = 2 WHERE id = 101", "DELETE FROM product WHERE id = 2");
        assertEquals("NULL", db.scalar("SELECT quote(product_id) FROM invoice_line WHERE id = 101"));
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void add_foreign_key_over_rows_that_violate_it_fails_naming_the_table(Rendering rendering) {
        db.sql("UPDATE invoice_line SET product_id = 99 WHERE id = 101");
        Map<String, List<Map<String, String>>> before = db.rows();
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.migrate(List.of(new AddForeignKey("invoice_line",
                new ForeignKey("fk_line_product", List.of("product_id"), "product", List.of("id"), null, null))), rendering));
        assertTrue(e.getMessage().contains("rows of invoice_line violate its foreign keys after the rebuild"), e.getMessage());
        assertEquals(before, db.rows());
        db.assertCleanAfterRebuild();
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void add_check_constraint(Rendering rendering) {
        migrateAndCheck(rendering, List.of(new AddCheckConstraint("invoice", new CheckConstraint("ck_invoice_total", "total >= 0"))));
        assertThrows(DatabaseException.class, () -> db.sql("UPDATE invoice SET total = -1 WHERE id = 11"));
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void drop_unique_constraint(Rendering rendering) {
        migrateAndCheck(rendering, List.of(new DropConstraint("account", "uq_account_email", ConstraintType.UNIQUE)));
        db.sql("INSERT INTO account (email) VALUES ('ann@example.com')");
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void drop_foreign_key(Rendering rendering) {
        migrateAndCheck(rendering, List.of(new DropConstraint("invoice", "fk_invoice_account", ConstraintType.FOREIGN_KEY)));
        db.sql("INSERT INTO invoice (id, account_id) VALUES (99, 999)");
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void drop_check_constraint(Rendering rendering) {
        migrateAndCheck(rendering, List.of(new DropConstraint("account", "ck_account_score", ConstraintType.CHECK)));
        db.sql("UPDATE account SET score = -1 WHERE id = 2");
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void drop_primary_key(Rendering rendering) {
        migrateAndCheck(rendering, List.of(new DropConstraint("product", "pk_product", ConstraintType.PRIMARY_KEY)));
        db.sql("INSERT INTO product (id, name) VALUES (1, 'twin')");
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void dropping_the_key_other_tables_reference_fails_on_their_foreign_key(Rendering rendering) {
        Map<String, List<Map<String, String>>> before = db.rows();
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> db.migrate(List.of(new DropConstraint("invoice", "pk_invoice", ConstraintType.PRIMARY_KEY)), rendering));
        assertTrue(e.getMessage().contains("foreign key mismatch"), e.getMessage());
        assertEquals(before, db.rows());
        db.assertCleanAfterRebuild();
    }

    // ---------------------------------------------------------------- drop column

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void drop_column_nothing_uses_is_dropped_in_place(Rendering rendering) {
        List<Operation> ops = List.of(new DropColumn("account", "avatar"));
        assertEquals(List.of("ALTER TABLE \"account\" DROP COLUMN \"avatar\""), db.render(ops, rendering));
        migrateAndCheck(rendering, ops, rows -> rows.get("account").forEach(r -> r.remove("avatar")));
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void drop_column_an_index_uses_rebuilds_the_table(Rendering rendering) {
        List<Operation> ops = List.of(new DropColumn("account", "name"));
        assertTrue(db.render(ops, rendering).contains("DROP TABLE \"account\""));
        migrateAndCheck(rendering, ops, rows -> rows.get("account").forEach(r -> r.remove("name")));
        assertFalse(db.indexNames("account").contains("ix_account_name"));
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void drop_column_a_foreign_key_uses_rebuilds_the_table(Rendering rendering) {
        migrateAndCheck(rendering, List.of(new DropColumn("invoice", "account_id")), rows -> rows.get("invoice").forEach(r -> r.remove("account_id")));
    }

    @Test
    void drop_column_other_tables_reference_is_refused_before_anything_runs() {
        UnsupportedOperationForDialectException e = assertThrows(UnsupportedOperationForDialectException.class,
                () -> db.render(List.of(new DropColumn("invoice", "id")), Rendering.PLANNED));
        assertTrue(e.getMessage().contains("fk_line_invoice of table invoice_line references it"), e.getMessage());
    }

    @Test
    void drop_column_a_check_uses_drops_the_check_with_it_as_other_databases_do() {
        migrateAndCheck(Rendering.PLANNED, List.of(new DropColumn("account", "score")), rows -> rows.get("account").forEach(r -> r.remove("score")));
    }

    // ---------------------------------------------------------------- merged and mixed revisions

    private static List<Operation> severalChangesToAccount() {
        return List.of(
                alterType("account", "name", "varchar(80)"),
                alterNullable("account", "name", false, "''"),
                new AddCheckConstraint("account", new CheckConstraint("ck_account_email", "length(email) > 3")),
                new DropConstraint("account", "uq_account_email", ConstraintType.UNIQUE),
                new AddUniqueConstraint("account", new UniqueConstraint("uq_account_email_name", List.of("email", "name"))),
                new CreateIndex("account", new Index("ix_account_created", List.of("created_at"), false)),
                new DropColumn("account", "avatar"));
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void several_changes_to_one_table_in_one_revision(Rendering rendering) {
        migrateAndCheck(rendering, severalChangesToAccount(), rows -> {
            rows.get("account").get(1).put("name", "text:''");
            rows.get("account").forEach(r -> r.remove("avatar"));
        });
    }

    @Test
    void the_planner_does_consecutive_changes_to_one_table_in_one_rebuild() {
        long planned = db.render(severalChangesToAccount(), Rendering.PLANNED).stream().filter(s -> s.startsWith("CREATE TABLE \"_retort_tmp_")).count();
        long perOperation = db.render(severalChangesToAccount(), Rendering.PER_OPERATION).stream().filter(s -> s.startsWith("CREATE TABLE \"_retort_tmp_")).count();
        assertEquals(1, planned);
        assertEquals(5, perOperation);
    }

    @ParameterizedTest
    @EnumSource(Rendering.class)
    void interleaved_tables_are_rebuilt_in_the_order_written(Rendering rendering) {
        List<Operation> ops = List.of(
                alterType("account", "name", "varchar(80)"),
                new AddCheckConstraint("invoice", new CheckConstraint("ck_invoice_total", "total >= 0")),
                alterType("invoice", "note", "varchar(200)"),
                new AddUniqueConstraint("account", new UniqueConstraint("uq_account_name", List.of("name"))),
                new AddPrimaryKey("tag", new PrimaryKey(null, List.of("name"))));
        if (rendering == Rendering.PLANNED) {
            List<String> rebuilt = db.render(ops, rendering).stream().filter(sql -> sql.startsWith("DROP TABLE \"")).toList();
            assertEquals(List.of("DROP TABLE \"account\"", "DROP TABLE \"invoice\"", "DROP TABLE \"account\"", "DROP TABLE \"tag\""), rebuilt);
        }
        migrateAndCheck(rendering, ops);
    }

    @Test
    void a_referenced_table_rebuilt_after_other_statements_needs_the_planner() {
        List<Operation> ops = List.of(
                new CreateTable(Table.of("audit", List.of(Column.of("id", ColumnType.parse("integer"), false)))),
                alterType("account", "name", "varchar(100)"));
        DatabaseException e = assertThrows(DatabaseException.class, () -> db.migrate(ops, Rendering.PER_OPERATION));
        assertTrue(e.getMessage().contains("make the table's changes the first operations of their revision"), e.getMessage());
        assertEquals(List.of("account", "invoice", "invoice_line", "product", "tag"), db.inspect().tableNames());
        db.assertCleanAfterRebuild();

        List<String> planned = db.render(ops, Rendering.PLANNED);
        assertEquals(SqliteDdlRenderer.FOREIGN_KEYS_OFF, planned.get(0));
        assertEquals(SqliteDdlRenderer.FOREIGN_KEYS_ON, planned.get(planned.size() - 1));
        migrateAndCheck(Rendering.PLANNED, ops, rows -> rows.put("audit", List.of()));
    }

    // ---------------------------------------------------------------- what a rebuild keeps and loses

    @Test
    void views_keep_working_and_triggers_on_the_rebuilt_table_are_dropped() {
        db.sql("CREATE VIEW named_account AS SELECT id, name FROM account WHERE name IS NOT NULL",
                "CREATE TRIGGER account_touch AFTER UPDATE ON account BEGIN SELECT 1; END",
                "CREATE TRIGGER product_names_account AFTER INSERT ON product BEGIN UPDATE account SET name = NEW.name WHERE id = 2; END");
        db.migrate(List.of(alterType("account", "name", "varchar(100)")), Rendering.PLANNED);
        assertEquals(List.of("Ann", "Cy"), db.strings("SELECT name FROM named_account WHERE ? IS NOT NULL ORDER BY id", "x"));
        assertEquals(List.of(), db.strings("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name = ?", "account_touch"));
        db.sql("INSERT INTO product (id, name) VALUES (3, 'from trigger')");
        assertEquals("from trigger", db.scalar("SELECT name FROM account WHERE id = 2"), "a trigger on another table still reaches account");
    }

    @Test
    void the_schema_model_not_the_live_table_defines_the_rebuild() {
        // A column the model does not know is not copied: the rebuild writes the model's definition.
        List<String> statements = SqliteDialect.RENDERER.renderAll(List.of(alterType("tag", "label", "varchar(10)")), fixture());
        assertTrue(statements.contains("INSERT INTO \"_retort_tmp_tag\" (\"name\", \"label\") SELECT \"name\", \"label\" FROM \"tag\""), statements.toString());
    }
}
