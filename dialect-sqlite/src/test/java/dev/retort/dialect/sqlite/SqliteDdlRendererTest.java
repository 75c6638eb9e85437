package dev.retort.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.UnsupportedOperationForDialectException;
import dev.retort.core.domain.operation.AddCheckConstraint;
import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.AddForeignKey;
import dev.retort.core.domain.operation.AddPrimaryKey;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.ConstraintType;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.Operation;
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
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqliteDdlRendererTest {
    private final SqliteDdlRenderer renderer = new SqliteDdlRenderer();

    @Test
    void create_table_quotes_identifiers_and_inlines_the_autoincrement_key() {
        Table t = new Table("order", List.of(
                new Column("id", ColumnType.of(ColumnType.Kind.BIGINT), false, null, true, null),
                new Column("account id", ColumnType.of(ColumnType.Kind.BIGINT), false, null, false, null),
                new Column("state", ColumnType.parse("enum('new','paid')"), false, "'new'", false, null)),
                new PrimaryKey(null, List.of("id")), List.of(new UniqueConstraint("uq", List.of("account id", "state"))),
                List.of(new Index("ix_order_state", List.of("state"), false)),
                List.of(new ForeignKey("fk", List.of("account id"), "account", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.SET_NULL)),
                List.of(new CheckConstraint(null, "\"account id\" > 0")), "ignored: SQLite has no comments");
        assertEquals(List.of("""
                CREATE TABLE "order" (
                    "id" INTEGER /* retort:bigint */ NOT NULL PRIMARY KEY AUTOINCREMENT,
                    "account id" BIGINT NOT NULL,
                    "state" TEXT NOT NULL DEFAULT ('new') CHECK ("state" IN ('new', 'paid')),
                    CONSTRAINT "uq" UNIQUE ("account id", "state"),
                    CONSTRAINT "fk" FOREIGN KEY ("account id") REFERENCES "account" ("id") ON DELETE CASCADE ON UPDATE SET NULL,
                    CHECK ("account id" > 0)
                )""", "CREATE INDEX \"ix_order_state\" ON \"order\" (\"state\")"), renderer.render(new CreateTable(t)));
    }

    @Test
    void every_portable_type_reads_back_as_itself() {
        for (ColumnType.Kind kind : ColumnType.Kind.values()) {
            ColumnType type = switch (kind) {
                case OTHER -> ColumnType.parse("citext");
                case ENUM -> null;
                case DECIMAL -> ColumnType.decimal(12, 2);
                case VARCHAR -> ColumnType.varchar(10);
                case TIMESTAMP_TZ -> ColumnType.parse("timestamptz(3)");
                default -> ColumnType.of(kind);
            };
            if (type != null) {
                assertEquals(type, SqliteSchemaInspector.parseType(renderer.typeName(type)), kind.name());
            }
        }
    }

    @Test
    void a_type_that_is_not_a_type_name_is_refused() {
        Operation op = new AddColumn("t", Column.of("c", ColumnType.parse("text, evil int"), true));
        assertThrows(UnsupportedOperationForDialectException.class, () -> renderer.render(op));
    }

    @Test
    void a_rebuild_needs_the_table_definition_from_the_model() {
        List<Operation> ops = List.of(
                new AlterColumn("invoice", "total", ColumnType.decimal(14, 2), null, null, null),
                new AddPrimaryKey("invoice", new PrimaryKey("pk", List.of("id"))),
                new AddUniqueConstraint("invoice", new UniqueConstraint("uq", List.of("number"))),
                new AddForeignKey("invoice", new ForeignKey("fk", List.of("a"), "account", List.of("id"), null, null)),
                new AddCheckConstraint("invoice", new CheckConstraint("ck", "total > 0")),
                new DropConstraint("invoice", "fk", ConstraintType.FOREIGN_KEY));
        for (Operation op : ops) {
            UnsupportedOperationForDialectException e = assertThrows(UnsupportedOperationForDialectException.class, () -> renderer.render(op));
            assertTrue(e.getMessage().contains("(table invoice): SQLite changes this only by rebuilding the table, and its definition is unknown here"),
                    e.getMessage());
        }
        assertTrue(assertThrows(UnsupportedOperationForDialectException.class, () -> renderer.render(ops.get(0))).getMessage()
                .startsWith("Cannot alter column invoice.total type decimal(14,2)"));
    }

    @Test
    void a_rebuild_of_a_table_without_foreign_keys_copies_rows_and_recreates_indexes() {
        Table t = new Table("odd \"name\"", List.of(
                Column.of("id", ColumnType.of(ColumnType.Kind.INTEGER), false),
                Column.of("a b", ColumnType.varchar(10), true)),
                new PrimaryKey(null, List.of("id")), List.of(), List.of(new Index("ix odd", List.of("a b"), true)), List.of(), List.of(), null);
        assertEquals(List.of("CREATE TABLE \"_retort_tmp_odd \"\"name\"\"\" (\n"
                        + "    \"id\" INTEGER NOT NULL,\n"
                        + "    \"a b\" TEXT NOT NULL DEFAULT ('-'),\n"
                        + "    PRIMARY KEY (\"id\")\n"
                        + ")",
                "INSERT INTO \"_retort_tmp_odd \"\"name\"\"\" (\"id\", \"a b\") SELECT \"id\", COALESCE(\"a b\", ('-')) FROM \"odd \"\"name\"\"\"",
                "DROP TABLE \"odd \"\"name\"\"\"",
                "PRAGMA legacy_alter_table = ON",
                "ALTER TABLE \"_retort_tmp_odd \"\"name\"\"\" RENAME TO \"odd \"\"name\"\"\"",
                "PRAGMA legacy_alter_table = OFF",
                "CREATE UNIQUE INDEX \"ix odd\" ON \"odd \"\"name\"\"\" (\"a b\")"),
                renderer.render(new AlterColumn(t.name(), "a b", ColumnType.of(ColumnType.Kind.TEXT), false, new AlterColumn.Change("'-'"), null),
                        new Schema(List.of(t))));
    }

    @Test
    void drop_column_is_in_place_unless_a_key_index_or_check_uses_the_column() {
        Table t = new Table("t", List.of(
                Column.of("id", ColumnType.of(ColumnType.Kind.INTEGER), false),
                Column.of("free", ColumnType.of(ColumnType.Kind.TEXT), true),
                Column.of("indexed", ColumnType.of(ColumnType.Kind.TEXT), true),
                Column.of("unique", ColumnType.of(ColumnType.Kind.TEXT), true),
                Column.of("ref", ColumnType.of(ColumnType.Kind.INTEGER), true)),
                new PrimaryKey(null, List.of("id")), List.of(new UniqueConstraint(null, List.of("unique"))),
                List.of(new Index("ix", List.of("indexed"), false)),
                List.of(new ForeignKey(null, List.of("ref"), "other", List.of("id"), null, null)), List.of(), null);
        Schema s = new Schema(List.of(t));
        assertEquals(List.of("ALTER TABLE \"t\" DROP COLUMN \"free\""), renderer.render(new DropColumn("t", "free"), s));
        for (String c : List.of("id", "indexed", "unique", "ref")) {
            assertTrue(renderer.render(new DropColumn("t", c), s).contains("DROP TABLE \"t\""), c);
        }
    }

    @Test
    void a_comment_only_alteration_has_nothing_to_do() {
        assertEquals(List.of(), renderer.render(new AlterColumn("t", "c", null, null, null, new AlterColumn.Change("note"))));
    }

    @Test
    void autoincrement_is_refused_where_sqlite_cannot_do_it() {
        Column text = new Column("id", ColumnType.of(ColumnType.Kind.TEXT), false, null, true, null);
        Column counter = new Column("n", ColumnType.of(ColumnType.Kind.INTEGER), false, null, true, null);
        Column id = Column.of("id", ColumnType.of(ColumnType.Kind.INTEGER), false);
        assertThrows(UnsupportedOperationForDialectException.class, () -> renderer.render(new CreateTable(
                new Table("t", List.of(text), new PrimaryKey(null, List.of("id")), null, null, null, null, null))));
        assertThrows(UnsupportedOperationForDialectException.class, () -> renderer.render(new CreateTable(
                new Table("t", List.of(id, counter), new PrimaryKey(null, List.of("id")), null, null, null, null, null))));
        assertThrows(UnsupportedOperationForDialectException.class, () -> renderer.render(new AddColumn("t", counter)));
    }

    @Test
    void adding_a_not_null_column_needs_a_default() {
        UnsupportedOperationForDialectException e = assertThrows(UnsupportedOperationForDialectException.class,
                () -> renderer.render(new AddColumn("t", Column.of("c", ColumnType.of(ColumnType.Kind.TEXT), false))));
        assertTrue(e.getMessage().contains("give it a default"), e.getMessage());
        assertEquals(List.of("ALTER TABLE \"t\" ADD COLUMN \"c\" TEXT NOT NULL DEFAULT ('')"),
                renderer.render(new AddColumn("t", new Column("c", ColumnType.of(ColumnType.Kind.TEXT), false, "''", false, null))));
    }

    @Test
    void raw_sql_is_split_into_statements() {
        assertEquals(Arrays.asList("CREATE TABLE a (x TEXT DEFAULT 'a;b')", "DROP TABLE b"),
                renderer.render(dev.retort.core.domain.operation.ExecuteSql.of("CREATE TABLE a (x TEXT DEFAULT 'a;b');\nDROP TABLE b;")));
    }
}
