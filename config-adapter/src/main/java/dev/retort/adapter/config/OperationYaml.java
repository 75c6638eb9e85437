package dev.retort.adapter.config;

import dev.retort.adapter.config.YamlNode.Scalar;
import dev.retort.adapter.config.YamlText.FlowMap;
import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.operation.AddCheckConstraint;
import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.AddForeignKey;
import dev.retort.core.domain.operation.AddPrimaryKey;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.AlterTable;
import dev.retort.core.domain.operation.ConstraintType;
import dev.retort.core.domain.operation.CreateIndex;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.DropIndex;
import dev.retort.core.domain.operation.DropTable;
import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.OperationVisitor;
import dev.retort.core.domain.operation.RenameColumn;
import dev.retort.core.domain.operation.RenameTable;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The YAML form of every core {@link Operation}: one key per list item naming the operation in
 * snake_case, its fields beneath. See docs/file-formats.md for the full vocabulary.
 */
final class OperationYaml {
    /** Key of a {@code sql} map holding the text for every dialect without its own entry. */
    static final String ALL_DIALECTS = "all";
    /** The key of a sql operation's mapping that states its effect on the schema, see {@link ExecuteSql#declares()}. */
    static final String DECLARES = "declares";
    static final String DECLARES_SHAPE = "{tables?: [table definitions the sql leaves behind], dropped?: [table names]}";

    private static final Map<String, String> SHAPES = new LinkedHashMap<>();

    static {
        SHAPES.put("create_table", TableYaml.TABLE_SHAPE);
        SHAPES.put("drop_table", "a table name, or {name}");
        SHAPES.put("rename_table", "{name, new_name}");
        SHAPES.put("add_column", "{table, column: {name, type, nullable?, autoincrement?, default?, comment?}}");
        SHAPES.put("drop_column", "{table, column}");
        SHAPES.put("alter_column", "{table, column, type?, nullable?, default?, comment?}");
        SHAPES.put("rename_column", "{table, column, new_name}");
        SHAPES.put("alter_table", "{table, comment}  (comment: null removes it)");
        SHAPES.put("create_index", "{name, table, columns, unique?}");
        SHAPES.put("drop_index", "{name, table}");
        SHAPES.put("add_primary_key", "{table, columns, name?}");
        SHAPES.put("add_unique_constraint", "{table, columns, name?}");
        SHAPES.put("add_foreign_key", "{table, columns, references: table(column, ...), on_delete?, on_update?, name?}");
        SHAPES.put("add_check_constraint", "{table, expression, name?}");
        SHAPES.put("drop_constraint", "{table, name, type: primary_key|unique|foreign_key|check}");
        SHAPES.put("sql", "SQL text for every dialect, or {postgres: ..., mysql: ..., sqlite: ..., all: ..., declares?: " + DECLARES_SHAPE + "}");
    }

    private static final String ITEM_EXPECTED = "one operation per list item, e.g. '- drop_table: invoice'";

    private OperationYaml() {
    }

    /** Reads an {@code upgrade}/{@code downgrade} list; absent or null is an empty list. */
    static List<Operation> readList(SourceFile src, YamlNode node, String what) {
        if (node == null || (node instanceof Scalar s && s.isNull())) {
            return List.of();
        }
        List<Operation> out = new ArrayList<>();
        for (YamlNode item : MappingReader.sequence(src, node, what, "a list of operations, each '- <operation>: ...'").items()) {
            out.add(read(src, item));
        }
        return out;
    }

    static Operation read(SourceFile src, YamlNode item) {
        if (!(item instanceof YamlNode.Mapping m)) {
            String hint = item instanceof Scalar s && s.text() != null && SHAPES.containsKey(s.text())
                    ? " (the operation '" + s.text() + "' needs ': ' and its fields)" : "";
            throw src.error(item.mark(), "an operation is " + item.describe() + hint, ITEM_EXPECTED);
        }
        if (m.entries().size() != 1) {
            List<String> keys = List.copyOf(m.entries().keySet());
            String problem = keys.isEmpty() ? "an operation item is empty"
                    : "an operation item has " + keys.size() + " keys (" + String.join(", ", keys) + ")";
            throw src.error(m.mark(), problem, ITEM_EXPECTED + "; indent an operation's fields under its name");
        }
        YamlNode.Entry e = m.entries().values().iterator().next();
        String op = e.key();
        String shape = SHAPES.get(op);
        if (shape == null) {
            throw src.error(e.keyMark(), "unknown operation '" + op + "'" + MappingReader.didYouMean(op, SHAPES.keySet()),
                    "one of: " + String.join(", ", SHAPES.keySet()));
        }
        YamlNode v = e.value();
        if (v instanceof Scalar s && s.isNull()) {
            throw src.error(e.keyMark(), op + " has no fields", op + ": " + shape);
        }
        return build(src, v, op, () -> switch (op) {
            case "create_table" -> new CreateTable(TableYaml.read(src, v, "create_table"));
            case "drop_table" -> dropTable(src, v);
            case "rename_table" -> {
                MappingReader r = reader(src, v, op, "name", "new_name");
                yield new RenameTable(r.text("name", "the current table name"), r.text("new_name", "the new table name"));
            }
            case "add_column" -> {
                MappingReader r = reader(src, v, op, "table", "column");
                String table = r.text("table", "the table name");
                yield new AddColumn(table, TableYaml.readPlainColumn(src, r.require("column", "a column {name, type, ...}"),
                        "column of add_column"));
            }
            case "drop_column" -> {
                MappingReader r = reader(src, v, op, "table", "column");
                yield new DropColumn(r.text("table", "the table name"), r.text("column", "the column name"));
            }
            case "alter_column" -> alterColumn(reader(src, v, op, "table", "column", "type", "nullable", "default", "comment"));
            case "alter_table" -> {
                MappingReader r = reader(src, v, op, "table", "comment");
                String table = r.text("table", "the table name");
                yield new AlterTable(table, r.has("comment") ? new AlterColumn.Change(r.optText("comment", "the table comment")) : null);
            }
            case "rename_column" -> {
                MappingReader r = reader(src, v, op, "table", "column", "new_name");
                yield new RenameColumn(r.text("table", "the table name"), r.text("column", "the current column name"),
                        r.text("new_name", "the new column name"));
            }
            case "create_index" -> {
                MappingReader r = reader(src, v, op, "name", "table", "columns", "unique");
                yield new CreateIndex(r.text("table", "the table name"), new Index(r.text("name", "the index name"),
                        r.requiredNames("columns", "a list of column names, e.g. [account_id]"), r.flag("unique")));
            }
            case "drop_index" -> {
                MappingReader r = reader(src, v, op, "name", "table");
                yield new DropIndex(r.text("table", "the table name"), r.text("name", "the index name"));
            }
            case "add_primary_key" -> {
                MappingReader r = reader(src, v, op, "table", "columns", "name");
                yield new AddPrimaryKey(r.text("table", "the table name"),
                        new PrimaryKey(r.optText("name", "the constraint name"), r.requiredNames("columns", "a list of column names")));
            }
            case "add_unique_constraint" -> {
                MappingReader r = reader(src, v, op, "table", "columns", "name");
                yield new AddUniqueConstraint(r.text("table", "the table name"),
                        new UniqueConstraint(r.optText("name", "the constraint name"), r.requiredNames("columns", "a list of column names")));
            }
            case "add_foreign_key" -> {
                MappingReader r = reader(src, v, op, "table", "columns", "references", "on_delete", "on_update", "name");
                String table = r.text("table", "the table name");
                yield new AddForeignKey(table, TableYaml.foreignKey(r, r.optText("name", "the constraint name")));
            }
            case "add_check_constraint" -> {
                MappingReader r = reader(src, v, op, "table", "expression", "name");
                yield new AddCheckConstraint(r.text("table", "the table name"),
                        new CheckConstraint(r.optText("name", "the constraint name"), r.text("expression", "an SQL boolean expression")));
            }
            case "drop_constraint" -> {
                MappingReader r = reader(src, v, op, "table", "name", "type");
                String type = r.text("type", "primary_key, unique, foreign_key or check");
                ConstraintType ct;
                try {
                    ct = ConstraintType.parse(type);
                } catch (IllegalArgumentException ex) {
                    throw src.error(r.markOf("type"), "drop_constraint type '" + type + "' is not a constraint type",
                            "primary_key, unique, foreign_key or check", ex);
                }
                yield new DropConstraint(r.text("table", "the table name"), r.text("name", "the constraint name"), ct);
            }
            case "sql" -> sql(src, v);
            default -> throw new IllegalStateException(op);
        });
    }

    /** Core records check their own invariants; their message gets the item's location here. */
    private static Operation build(SourceFile src, YamlNode v, String op, Supplier<Operation> factory) {
        try {
            return factory.get();
        } catch (IllegalArgumentException e) {
            throw src.error(v.mark(), e.getMessage(), op + ": " + SHAPES.get(op), e);
        }
    }

    private static MappingReader reader(SourceFile src, YamlNode v, String op, String... keys) {
        return new MappingReader(src, v, op, SHAPES.get(op), List.of(keys));
    }

    private static DropTable dropTable(SourceFile src, YamlNode v) {
        if (v instanceof Scalar) {
            return new DropTable(MappingReader.text(src, v, "drop_table", "a table name"));
        }
        return new DropTable(reader(src, v, "drop_table", "name").text("name", "the table name"));
    }

    private static AlterColumn alterColumn(MappingReader r) {
        String table = r.text("table", "the table name");
        String column = r.text("column", "the column name");
        String typeText = r.optText("type", TableYaml.TYPE_EXPECTED);
        AlterColumn.Change def = r.has("default") ? new AlterColumn.Change(TableYaml.defaultValue(r, "default")) : null;
        AlterColumn.Change comment = r.has("comment") ? new AlterColumn.Change(r.optText("comment", "the column comment")) : null;
        return new AlterColumn(table, column,
                typeText == null ? null : TableYaml.columnType(r.source(), r.markOf("type"), typeText, "column " + column),
                r.optBool("nullable"), def, comment);
    }

    private static ExecuteSql sql(SourceFile src, YamlNode v) {
        if (v instanceof Scalar) {
            return ExecuteSql.of(MappingReader.text(src, v, "sql", "SQL text"));
        }
        if (!(v instanceof YamlNode.Mapping m)) {
            throw src.error(v.mark(), "sql is " + v.describe(), SHAPES.get("sql"));
        }
        String all = null;
        Map<String, String> perDialect = new LinkedHashMap<>();
        ExecuteSql.Declared declares = null;
        for (YamlNode.Entry e : m.entries().values()) {
            if (e.key().equals(DECLARES)) {
                declares = declares(src, e.value());
                continue;
            }
            String text = MappingReader.text(src, e.value(), "sql for " + e.key(), "SQL text");
            if (e.key().equals(ALL_DIALECTS)) {
                all = text;
            } else {
                perDialect.put(e.key(), text);
            }
        }
        if (all == null && perDialect.isEmpty()) {
            throw src.error(v.mark(), "sql has no statement", SHAPES.get("sql"));
        }
        return new ExecuteSql(all, perDialect, declares);
    }

    private static ExecuteSql.Declared declares(SourceFile src, YamlNode v) {
        if (v instanceof Scalar s && s.isNull()) {
            return ExecuteSql.Declared.NOTHING;
        }
        MappingReader r = new MappingReader(src, v, "declares of sql", DECLARES_SHAPE, List.of("tables", "dropped"));
        List<Table> tables = new ArrayList<>();
        YamlNode list = r.value("tables");
        if (list != null) {
            for (YamlNode item : MappingReader.sequence(src, list, "'tables' of declares", "a list of table definitions " + TableYaml.TABLE_SHAPE).items()) {
                tables.add(TableYaml.read(src, item, "a table of declares"));
            }
        }
        try {
            return new ExecuteSql.Declared(tables, r.names("dropped", "a list of table names"));
        } catch (IllegalArgumentException e) {
            throw src.error(v.mark(), e.getMessage(), DECLARES_SHAPE, e);
        }
    }

    // ---- writing -------------------------------------------------------------------------------

    /** The operation as block lines, relative indentation, first line {@code <operation>: ...}. */
    static List<String> lines(Operation op) {
        return op.accept(new Writer());
    }

    private static final class Writer implements OperationVisitor<List<String>> {
        private static List<String> one(String op, Object value) {
            return List.of(op + ": " + value);
        }

        @Override
        public List<String> visitCreateTable(CreateTable op) {
            List<String> out = new ArrayList<>();
            out.add("create_table:");
            out.addAll(YamlText.indent(TableYaml.lines(op.definition()), "  ", "  "));
            return out;
        }

        @Override
        public List<String> visitDropTable(DropTable op) {
            return one("drop_table", YamlText.block(op.table()));
        }

        @Override
        public List<String> visitRenameTable(RenameTable op) {
            return one("rename_table", new FlowMap().text("name", op.table()).text("new_name", op.newName()));
        }

        @Override
        public List<String> visitAddColumn(AddColumn op) {
            return one("add_column", new FlowMap().text("table", op.table()).raw("column", TableYaml.plainColumn(op.column())));
        }

        @Override
        public List<String> visitDropColumn(DropColumn op) {
            return one("drop_column", new FlowMap().text("table", op.table()).text("column", op.column()));
        }

        @Override
        public List<String> visitAlterColumn(AlterColumn op) {
            FlowMap m = new FlowMap().text("table", op.table()).text("column", op.column());
            if (op.type() != null) {
                m.text("type", op.type().toString());
            }
            m.bool("nullable", op.nullable());
            if (op.defaultValue() != null) {
                change(m, "default", op.defaultValue());
            }
            if (op.comment() != null) {
                change(m, "comment", op.comment());
            }
            return one("alter_column", m);
        }

        private static void change(FlowMap m, String key, AlterColumn.Change change) {
            if (change.value() == null) {
                m.raw(key, "null");
            } else {
                m.text(key, change.value());
            }
        }

        @Override
        public List<String> visitAlterTable(AlterTable op) {
            FlowMap m = new FlowMap().text("table", op.table());
            change(m, "comment", op.comment());
            return one("alter_table", m);
        }

        @Override
        public List<String> visitRenameColumn(RenameColumn op) {
            return one("rename_column", new FlowMap().text("table", op.table()).text("column", op.column()).text("new_name", op.newName()));
        }

        @Override
        public List<String> visitCreateIndex(CreateIndex op) {
            Index i = op.index();
            return one("create_index", new FlowMap().text("name", i.name()).text("table", op.table()).names("columns", i.columns())
                    .flag("unique", i.unique()));
        }

        @Override
        public List<String> visitDropIndex(DropIndex op) {
            return one("drop_index", new FlowMap().text("name", op.name()).text("table", op.table()));
        }

        @Override
        public List<String> visitAddPrimaryKey(AddPrimaryKey op) {
            return one("add_primary_key", new FlowMap().text("table", op.table()).names("columns", op.primaryKey().columns())
                    .text("name", op.primaryKey().name()));
        }

        @Override
        public List<String> visitAddUniqueConstraint(AddUniqueConstraint op) {
            return one("add_unique_constraint", new FlowMap().text("table", op.table()).names("columns", op.constraint().columns())
                    .text("name", op.constraint().name()));
        }

        @Override
        public List<String> visitAddForeignKey(AddForeignKey op) {
            return one("add_foreign_key", TableYaml.foreignKey(new FlowMap().text("table", op.table()), op.foreignKey())
                    .text("name", op.foreignKey().name()));
        }

        @Override
        public List<String> visitAddCheckConstraint(AddCheckConstraint op) {
            return one("add_check_constraint", new FlowMap().text("table", op.table()).text("expression", op.check().expression())
                    .text("name", op.check().name()));
        }

        @Override
        public List<String> visitDropConstraint(DropConstraint op) {
            return one("drop_constraint", new FlowMap().text("table", op.table()).text("name", op.name()).text("type", op.type().fileName()));
        }

        @Override
        public List<String> visitExecuteSql(ExecuteSql op) {
            if (op.perDialect().containsKey(ALL_DIALECTS)) {
                throw new ConfigException("cannot write a sql operation for a dialect named '" + ALL_DIALECTS
                        + "': the key means every dialect in revision files");
            }
            if (op.perDialect().containsKey(DECLARES)) {
                throw new ConfigException("cannot write a sql operation for a dialect named '" + DECLARES
                        + "': the key states the sql's effect in revision files");
            }
            if (op.perDialect().isEmpty() && op.declares() == null) {
                return YamlText.keyValue("sql", op.sql());
            }
            Map<String, String> entries = new LinkedHashMap<>(op.perDialect());
            if (op.sql() != null) {
                entries.put(ALL_DIALECTS, op.sql());
            }
            if (op.declares() != null) {
                List<String> out = new ArrayList<>();
                out.add("sql:");
                entries.forEach((dialect, text) -> out.addAll(YamlText.indent(YamlText.keyValue(YamlText.block(dialect), text), "  ", "  ")));
                out.addAll(YamlText.indent(declaresLines(op.declares()), "  ", "  "));
                return out;
            }
            if (entries.values().stream().noneMatch(YamlText::isMultiline)) {
                FlowMap m = new FlowMap();
                entries.forEach((dialect, text) -> m.text(YamlText.flow(dialect), text));
                return one("sql", m);
            }
            List<String> out = new ArrayList<>();
            out.add("sql:");
            entries.forEach((dialect, text) -> out.addAll(YamlText.indent(YamlText.keyValue(YamlText.block(dialect), text), "  ", "  ")));
            return out;
        }

        private static List<String> declaresLines(ExecuteSql.Declared d) {
            List<String> out = new ArrayList<>();
            if (d.tables().isEmpty() && d.dropped().isEmpty()) {
                out.add(DECLARES + ": {}");
                return out;
            }
            out.add(DECLARES + ":");
            if (!d.tables().isEmpty()) {
                out.add("  tables:");
                for (Table t : d.tables()) {
                    out.addAll(YamlText.indent(TableYaml.lines(t), "    - ", "      "));
                }
            }
            if (!d.dropped().isEmpty()) {
                out.add("  dropped: [" + String.join(", ", d.dropped().stream().map(YamlText::flow).toList()) + "]");
            }
            return out;
        }
    }
}
