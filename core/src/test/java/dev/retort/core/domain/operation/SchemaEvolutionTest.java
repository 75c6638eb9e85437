package dev.retort.core.domain.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ColumnType.Kind;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class SchemaEvolutionTest {
    static final ColumnType BIGINT = ColumnType.of(Kind.BIGINT);
    static final ColumnType TEXT = ColumnType.of(Kind.TEXT);

    static Table account() {
        return new Table("account",
                List.of(Column.of("id", BIGINT, false), Column.of("email", ColumnType.varchar(255), false), Column.of("name", TEXT, true),
                        new Column("created_at", ColumnType.of(Kind.TIMESTAMP), false, "CURRENT_TIMESTAMP", false, "when")),
                new PrimaryKey("pk_account", List.of("id")),
                List.of(new UniqueConstraint("uq_account_email", List.of("email"))),
                List.of(new Index("ix_account_name", List.of("name"), false)),
                List.of(),
                List.of(new CheckConstraint("ck_account_email", "email <> ''")),
                "accounts");
    }

    static Table invoice() {
        return new Table("invoice",
                List.of(Column.of("id", BIGINT, false), Column.of("account_id", BIGINT, false), Column.of("total", ColumnType.decimal(12, 2), false),
                        Column.of("note", TEXT, true)),
                new PrimaryKey("pk_invoice", List.of("id")),
                List.of(),
                List.of(new Index("ix_invoice_account_id", List.of("account_id"), false), new Index("ix_invoice_note", List.of("note", "total"), false)),
                List.of(new ForeignKey("fk_invoice_account", List.of("account_id"), "account", List.of("id"), ReferentialAction.CASCADE, null)),
                List.of(),
                null);
    }

    static Schema schema() {
        return new Schema(List.of(account(), invoice()));
    }

    /**
     * The schema with tables, columns, indexes and constraints sorted by name: databases append re-added
     * columns and indexes at the end, so order is not part of what an inverse restores.
     */
    static Schema canonical(Schema s) {
        Comparator<String> nullsFirst = Comparator.nullsFirst(Comparator.naturalOrder());
        return new Schema(s.tables().stream().sorted(Comparator.comparing(Table::name)).map(t -> new Table(t.name(),
                t.columns().stream().sorted(Comparator.comparing(Column::name)).toList(), t.primaryKey(),
                t.uniqueConstraints().stream().sorted(Comparator.comparing(UniqueConstraint::name, nullsFirst).thenComparing(u -> u.columns().toString())).toList(),
                t.indexes().stream().sorted(Comparator.comparing(Index::name)).toList(),
                t.foreignKeys().stream().sorted(Comparator.comparing(ForeignKey::name, nullsFirst).thenComparing(f -> f.columns().toString())).toList(),
                t.checks().stream().sorted(Comparator.comparing(CheckConstraint::name, nullsFirst).thenComparing(CheckConstraint::expression)).toList(),
                t.comment())).toList());
    }

    static void assertRoundTrip(Schema before, List<Operation> ops) {
        Schema after = SchemaEvolution.applyAll(before, ops);
        List<Operation> inverse = SchemaEvolution.invertAll(before, ops);
        assertEquals(canonical(before), canonical(SchemaEvolution.applyAll(after, inverse)), "ops " + ops + "\ninverse " + inverse);
    }

    static Table table(Schema s, String name) {
        return s.table(name).orElseThrow();
    }

    // ------------------------------------------------------------- tables

    @Test
    void create_table_then_inverse_drops_it() {
        Table t = Table.of("audit", List.of(Column.of("id", BIGINT, false)));
        Schema after = SchemaEvolution.apply(schema(), new CreateTable(t));
        assertEquals(List.of("account", "invoice", "audit"), after.tableNames());
        assertEquals(List.of(new DropTable("audit")), SchemaEvolution.invert(schema(), new CreateTable(t)));
        assertRoundTrip(schema(), List.of(new CreateTable(t)));
    }

    @Test
    void drop_table_inverse_recreates_it_with_everything() {
        assertEquals(List.of(new CreateTable(invoice())), SchemaEvolution.invert(schema(), new DropTable("invoice")));
        assertRoundTrip(schema(), List.of(new DropTable("invoice")));
    }

    @Test
    void rename_table_updates_foreign_keys_pointing_at_it() {
        Schema after = SchemaEvolution.apply(schema(), new RenameTable("account", "customer"));
        assertEquals(List.of("customer", "invoice"), after.tableNames());
        assertEquals("customer", table(after, "invoice").foreignKeys().get(0).referencedTable());
        assertRoundTrip(schema(), List.of(new RenameTable("account", "customer")));
    }

    @Test
    void rename_table_updates_a_self_reference() {
        Table node = new Table("node", List.of(Column.of("id", BIGINT, false), Column.of("parent_id", BIGINT, true)), null, null, null,
                List.of(new ForeignKey("fk_parent", List.of("parent_id"), "node", List.of("id"), null, null)), null, null);
        Schema after = SchemaEvolution.apply(new Schema(List.of(node)), new RenameTable("node", "tree_node"));
        assertEquals("tree_node", table(after, "tree_node").foreignKeys().get(0).referencedTable());
    }

    @Test
    void rename_table_onto_an_existing_table_fails_clearly() {
        var ex = assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(), new RenameTable("account", "invoice")));
        assertTrue(ex.getMessage().contains("invoice"), ex.getMessage());
    }

    // ------------------------------------------------------------ columns

    @Test
    void add_column_then_inverse_drops_it() {
        Operation op = new AddColumn("invoice", Column.of("paid", ColumnType.of(Kind.BOOLEAN), true));
        assertEquals(List.of(new DropColumn("invoice", "paid")), SchemaEvolution.invert(schema(), op));
        assertRoundTrip(schema(), List.of(op));
    }

    @Test
    void drop_column_removes_indexes_on_it_and_inverse_restores_them() {
        Schema after = SchemaEvolution.apply(schema(), new DropColumn("invoice", "note"));
        assertEquals(List.of("ix_invoice_account_id"), table(after, "invoice").indexes().stream().map(Index::name).toList());
        assertRoundTrip(schema(), List.of(new DropColumn("invoice", "note")));
        assertRoundTrip(schema(), List.of(new DropColumn("account", "name")));
    }

    @Test
    void drop_column_with_a_foreign_key_restores_the_key() {
        assertRoundTrip(schema(), List.of(new DropColumn("invoice", "account_id")));
    }

    @Test
    void drop_primary_key_column_restores_the_primary_key() {
        List<Operation> inverse = SchemaEvolution.invertAll(schema(), List.of(new DropColumn("invoice", "id")));
        assertTrue(inverse.contains(new AddPrimaryKey("invoice", new PrimaryKey("pk_invoice", List.of("id")))), inverse.toString());
        assertRoundTrip(schema(), List.of(new DropColumn("invoice", "id")));
    }

    @Test
    void drop_unique_column_restores_the_unique_constraint() {
        assertRoundTrip(schema(), List.of(new DropColumn("account", "email")));
    }

    @Test
    void rename_column_renames_it_in_keys_and_indexes() {
        Schema after = SchemaEvolution.apply(schema(), new RenameColumn("invoice", "account_id", "customer_id"));
        Table t = table(after, "invoice");
        assertTrue(t.column("customer_id").isPresent());
        assertEquals(List.of("customer_id"), t.foreignKeys().get(0).columns());
        assertEquals(List.of("customer_id"), t.indexes().get(0).columns());
        assertRoundTrip(schema(), List.of(new RenameColumn("invoice", "account_id", "customer_id")));
    }

    @Test
    void rename_column_updates_foreign_keys_that_reference_it() {
        Schema after = SchemaEvolution.apply(schema(), new RenameColumn("account", "id", "account_id"));
        assertEquals(List.of("account_id"), table(after, "account").primaryKey().columns());
        assertEquals(List.of("account_id"), table(after, "invoice").foreignKeys().get(0).referencedColumns());
        assertRoundTrip(schema(), List.of(new RenameColumn("account", "id", "account_id")));
    }

    @Test
    void rename_column_onto_an_existing_column_fails_clearly() {
        assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(), new RenameColumn("account", "name", "email")));
    }

    @Test
    void alter_column_changes_only_what_it_names_and_inverse_restores() {
        AlterColumn op = new AlterColumn("account", "created_at", ColumnType.of(Kind.TIMESTAMP_TZ), true, new AlterColumn.Change(null), null);
        Schema after = SchemaEvolution.apply(schema(), op);
        Column c = table(after, "account").column("created_at").orElseThrow();
        assertEquals(new Column("created_at", ColumnType.of(Kind.TIMESTAMP_TZ), true, null, false, "when"), c);
        assertEquals(List.of(new AlterColumn("account", "created_at", ColumnType.of(Kind.TIMESTAMP), false,
                new AlterColumn.Change("CURRENT_TIMESTAMP"), null)), SchemaEvolution.invert(schema(), op));
        assertRoundTrip(schema(), List.of(op));
    }

    @Test
    void alter_column_comment_and_default() {
        AlterColumn op = new AlterColumn("account", "name", null, null, new AlterColumn.Change("'x'"), new AlterColumn.Change("display name"));
        Column c = table(SchemaEvolution.apply(schema(), op), "account").column("name").orElseThrow();
        assertEquals("'x'", c.defaultValue());
        assertEquals("display name", c.comment());
        assertRoundTrip(schema(), List.of(op));
    }

    @Test
    void alter_column_that_changes_nothing_is_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new AlterColumn("account", "name", null, null, null, null));
    }

    // ------------------------------------------------------------ indexes

    @Test
    void create_and_drop_index_invert_each_other() {
        Index ix = new Index("ix_account_email_name", List.of("email", "name"), true);
        assertRoundTrip(schema(), List.of(new CreateIndex("account", ix)));
        assertEquals(List.of(new CreateIndex("account", account().indexes().get(0))),
                SchemaEvolution.invert(schema(), new DropIndex("account", "ix_account_name")));
        assertRoundTrip(schema(), List.of(new DropIndex("account", "ix_account_name")));
    }

    @Test
    void create_index_with_a_taken_name_fails() {
        assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(),
                new CreateIndex("account", new Index("ix_account_name", List.of("email"), false))));
    }

    @Test
    void drop_missing_index_fails() {
        assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(), new DropIndex("account", "nope")));
        assertThrows(RetortException.class, () -> SchemaEvolution.invert(schema(), new DropIndex("account", "nope")));
    }

    // -------------------------------------------------------- constraints

    @Test
    void add_and_drop_each_kind_of_constraint_invert_each_other() {
        Schema s = SchemaEvolution.apply(schema(), new DropConstraint("invoice", "pk_invoice", ConstraintType.PRIMARY_KEY));
        assertEquals(null, table(s, "invoice").primaryKey());
        assertRoundTrip(schema(), List.of(new DropConstraint("invoice", "pk_invoice", ConstraintType.PRIMARY_KEY)));
        assertRoundTrip(schema(), List.of(new DropConstraint("account", "uq_account_email", ConstraintType.UNIQUE)));
        assertRoundTrip(schema(), List.of(new DropConstraint("invoice", "fk_invoice_account", ConstraintType.FOREIGN_KEY)));
        assertRoundTrip(schema(), List.of(new DropConstraint("account", "ck_account_email", ConstraintType.CHECK)));
        assertRoundTrip(s, List.of(new AddPrimaryKey("invoice", new PrimaryKey("pk2", List.of("id", "account_id")))));
        assertRoundTrip(schema(), List.of(new AddUniqueConstraint("invoice", new UniqueConstraint("uq_note", List.of("note")))));
        assertRoundTrip(schema(), List.of(new AddForeignKey("invoice", new ForeignKey("fk2", List.of("id"), "account", List.of("id"), null, null))));
        assertRoundTrip(schema(), List.of(new AddCheckConstraint("invoice", new CheckConstraint("ck_total", "total >= 0"))));
    }

    @Test
    void adding_a_second_primary_key_fails() {
        assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(),
                new AddPrimaryKey("invoice", new PrimaryKey("pk2", List.of("account_id")))));
    }

    @Test
    void dropping_a_missing_constraint_fails() {
        assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(), new DropConstraint("account", "nope", ConstraintType.UNIQUE)));
        assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(), new DropConstraint("account", "nope", ConstraintType.CHECK)));
        assertThrows(RetortException.class, () -> SchemaEvolution.invert(schema(), new DropConstraint("account", "nope", ConstraintType.FOREIGN_KEY)));
    }

    @Test
    void unnamed_constraints_cannot_be_inverted() {
        var ex = assertThrows(RetortException.class, () -> SchemaEvolution.invert(schema(),
                new AddUniqueConstraint("invoice", new UniqueConstraint(null, List.of("note")))));
        assertTrue(ex.getMessage().contains("name"), ex.getMessage());
    }

    // --------------------------------------------------------- sequences

    @Test
    void inverse_of_a_sequence_is_reversed_and_restores_the_schema() {
        List<Operation> ops = List.of(
                new CreateTable(Table.of("audit", List.of(Column.of("id", BIGINT, false), Column.of("what", TEXT, true)))),
                new AddColumn("audit", Column.of("account_id", BIGINT, true)),
                new AddForeignKey("audit", new ForeignKey("fk_audit_account", List.of("account_id"), "account", List.of("id"), null, null)),
                new RenameTable("account", "customer"),
                new RenameColumn("customer", "id", "customer_id"),
                new CreateIndex("audit", new Index("ix_audit_what", List.of("what"), false)),
                new DropColumn("invoice", "note"),
                new AlterColumn("invoice", "total", ColumnType.decimal(14, 2), null, null, null),
                new DropTable("invoice"));
        List<Operation> inverse = SchemaEvolution.invertAll(schema(), ops);
        assertEquals(new CreateTable(SchemaEvolution.applyAll(schema(), ops.subList(0, 8)).table("invoice").orElseThrow()), inverse.get(0));
        assertEquals(new DropTable("audit"), inverse.get(inverse.size() - 1));
        assertRoundTrip(schema(), ops);
    }

    @Test
    void raw_sql_leaves_the_model_alone_and_has_no_inverse() {
        Schema s = schema();
        assertSame(s, SchemaEvolution.apply(s, ExecuteSql.of("update account set name = ''")));
        assertThrows(RetortException.class, () -> SchemaEvolution.invert(s, ExecuteSql.of("select 1")));
    }

    @Test
    void operations_on_missing_tables_or_columns_fail_with_the_name() {
        var ex = assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(), new DropTable("nope")));
        assertTrue(ex.getMessage().contains("nope"));
        assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(), new CreateTable(account())));
        assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(), new DropColumn("account", "nope")));
        assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(), new AddColumn("account", Column.of("email", TEXT, true))));
        assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(), new RenameColumn("account", "nope", "x")));
        assertThrows(RetortException.class, () -> SchemaEvolution.apply(schema(),
                new AlterColumn("account", "nope", null, true, null, null)));
    }

    @Test
    void describe_gives_one_line_per_operation() {
        for (Operation op : List.of(new DropTable("t"), new RenameTable("a", "b"), new AddColumn("t", Column.of("c", TEXT, true)),
                new DropColumn("t", "c"), new RenameColumn("t", "a", "b"), new CreateIndex("t", new Index("i", List.of("c"), false)),
                new DropIndex("t", "i"), new DropConstraint("t", "c", ConstraintType.CHECK), ExecuteSql.of("select 1"))) {
            String d = op.describe();
            assertTrue(d != null && !d.isBlank() && !d.contains("\n"), op + " -> " + d);
        }
        assertTrue(Objects.requireNonNull(new DropTable("invoice").describe()).contains("invoice"));
    }

    @org.junit.jupiter.api.Test
    void renaming_a_column_renames_it_in_check_expressions_but_not_in_strings() {
        org.junit.jupiter.api.Assertions.assertEquals("\"amount\" >= 0 AND note <> 'total' AND subtotal > 0",
                SchemaEvolution.renameIdentifier("\"total\" >= 0 AND note <> 'total' AND subtotal > 0", "total", "amount"));
    }
}
