package dev.retort.adapter.config;

import dev.retort.adapter.config.YamlNode.Mark;
import dev.retort.adapter.config.YamlNode.Scalar;
import dev.retort.adapter.config.YamlNode.ScalarKind;
import dev.retort.adapter.config.YamlText.FlowMap;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table vocabulary shared by {@code create_table} in revision files and {@code tables} in
 * schema.yaml: reading a table mapping into a core {@link Table} and writing one back.
 *
 * <p>Column-level {@code primary_key: true} builds an unnamed {@link PrimaryKey} in column order;
 * column-level {@code unique: true} builds a {@link UniqueConstraint} named
 * {@code uq_<table>_<column>}, so every database gets the same droppable name ({@code unique:
 * [[a, b]]} likewise names {@code uq_<table>_a_b}). Reading puts column-level constraints first,
 * then {@code unique}, then {@code unique_constraints}; the writer uses the short forms only
 * for the runs of constraints that read back equal in that order.
 */
final class TableYaml {
    static final List<String> TABLE_KEYS = List.of("name", "comment", "columns", "primary_key", "unique", "unique_constraints",
            "indexes", "foreign_keys", "checks");
    static final String TABLE_SHAPE = "{name, columns: [...], primary_key?, unique?, unique_constraints?, indexes?, foreign_keys?, checks?, comment?}";
    static final List<String> COLUMN_KEYS = List.of("name", "type", "nullable", "primary_key", "autoincrement", "unique", "default", "comment");
    static final List<String> PLAIN_COLUMN_KEYS = List.of("name", "type", "nullable", "autoincrement", "default", "comment");
    static final String COLUMN_SHAPE = "{name, type, nullable?, primary_key?, autoincrement?, unique?, default?, comment?}";
    static final String TYPE_EXPECTED = "a column type such as bigint, varchar(255), decimal(12,2), timestamp, uuid, json";
    static final List<String> INDEX_KEYS = List.of("name", "columns", "unique");
    static final List<String> FK_KEYS = List.of("name", "columns", "references", "on_delete", "on_update");
    static final String FK_SHAPE = "{columns, references: table(column, ...), on_delete?, on_update?, name?}";
    static final String REFERENCES_EXPECTED = "table(column, ...), e.g. account(id)";
    static final String ACTION_EXPECTED = "cascade, restrict, set null, set default or no action";
    static final List<String> NAMED_COLUMNS_KEYS = List.of("name", "columns");
    static final List<String> CHECK_KEYS = List.of("name", "expression");
    private static final Pattern REFERENCES = Pattern.compile("\\s*([^\\s()]+)\\s*\\(([^()]*)\\)\\s*");

    private TableYaml() {
    }

    /** A column as written, before the table decides its nullability. */
    private record ColumnSpec(String name, ColumnType type, Boolean nullable, boolean primaryKey, boolean autoincrement,
                              boolean unique, String defaultValue, String comment, Mark mark) {
    }

    static Table read(SourceFile src, YamlNode node, String context) {
        return read(src, node, context, new ArrayList<>());
    }

    /** @param referenceMarks receives, per foreign key in order, where its {@code references} is written */
    static Table read(SourceFile src, YamlNode node, String context, List<Mark> referenceMarks) {
        try {
            return readTable(src, node, context, referenceMarks);
        } catch (IllegalArgumentException e) {
            // a core record refused a value (a blank name, say); the table is the nearest place we know
            throw src.error(node.mark(), e.getMessage(), "a valid table " + TABLE_SHAPE, e);
        }
    }

    private static Table readTable(SourceFile src, YamlNode node, String context, List<Mark> referenceMarks) {
        MappingReader r = new MappingReader(src, node, context, TABLE_SHAPE, TABLE_KEYS);
        String name = r.text("name", "the table name");
        String where = "table " + name;
        YamlNode columnsNode = r.require("columns", "a list of columns");
        YamlNode.Sequence columnItems = MappingReader.sequence(src, columnsNode, "'columns' of " + where, "a list of columns " + COLUMN_SHAPE);
        if (columnItems.items().isEmpty()) {
            throw src.error(columnsNode.mark(), where + " has no columns", "at least one column " + COLUMN_SHAPE);
        }
        List<ColumnSpec> specs = new ArrayList<>();
        Set<String> columnNames = new LinkedHashSet<>();
        for (YamlNode item : columnItems.items()) {
            ColumnSpec spec = columnSpec(src, item, "column of " + where, COLUMN_KEYS);
            if (!columnNames.add(spec.name())) {
                throw src.error(spec.mark(), where + " declares column '" + spec.name() + "' twice", "unique column names");
            }
            specs.add(spec);
        }
        List<String> columnList = List.copyOf(columnNames);

        PrimaryKey pk = null;
        List<String> columnPk = specs.stream().filter(ColumnSpec::primaryKey).map(ColumnSpec::name).toList();
        if (!columnPk.isEmpty()) {
            pk = new PrimaryKey(null, columnPk);
        }
        YamlNode pkNode = r.value("primary_key");
        if (pkNode != null) {
            if (pk != null) {
                throw src.error(pkNode.mark(), where + " declares its primary key both on columns (" + String.join(", ", columnPk)
                        + ") and as a table-level primary_key", "one of the two");
            }
            pk = readNamedColumns(src, pkNode, "primary_key of " + where, columnList, true, PrimaryKey::new);
        }
        Set<String> pkColumns = pk == null ? Set.of() : Set.copyOf(pk.columns());

        List<Column> columns = new ArrayList<>();
        List<UniqueConstraint> uniques = new ArrayList<>();
        for (ColumnSpec c : specs) {
            boolean nullable = c.nullable() != null ? c.nullable() : !pkColumns.contains(c.name());
            columns.add(new Column(c.name(), c.type(), nullable, c.defaultValue(), c.autoincrement(), c.comment()));
            if (c.unique()) {
                uniques.add(new UniqueConstraint(uniqueName(name, List.of(c.name())), List.of(c.name())));
            }
        }
        YamlNode uniqueNode = r.value("unique");
        if (uniqueNode != null) {
            String expected = "a list of column lists, e.g. unique: [[tenant_id, email]]";
            for (YamlNode item : MappingReader.sequence(src, uniqueNode, "'unique' of " + where, expected).items()) {
                List<String> cols = MappingReader.names(src, MappingReader.sequence(src, item, "an item of 'unique' of " + where, expected),
                        "an item of 'unique' of " + where, expected);
                checkColumns(src, item.mark(), "unique constraint of " + where, cols, columnList);
                uniques.add(new UniqueConstraint(uniqueName(name, cols), cols));
            }
        }
        for (YamlNode item : items(r, "unique_constraints", "a list of {name?, columns}")) {
            uniques.add(readNamedColumns(src, item, "unique constraint of " + where, columnList, false, UniqueConstraint::new));
        }

        List<Index> indexes = new ArrayList<>();
        for (YamlNode item : items(r, "indexes", "a list of {name, columns, unique?}")) {
            MappingReader ir = new MappingReader(src, item, "index of " + where, "{name, columns, unique?}", INDEX_KEYS);
            String indexName = ir.text("name", "the index name");
            List<String> cols = ir.requiredNames("columns", "a list of column names, e.g. [account_id]");
            checkColumns(src, ir.markOf("columns"), "index " + indexName + " of " + where, cols, columnList);
            indexes.add(new Index(indexName, cols, ir.flag("unique")));
        }

        List<ForeignKey> fks = new ArrayList<>();
        for (YamlNode item : items(r, "foreign_keys", "a list of " + FK_SHAPE)) {
            MappingReader fr = new MappingReader(src, item, "foreign key of " + where, FK_SHAPE, FK_KEYS);
            ForeignKey fk = foreignKey(fr, fr.optText("name", "the constraint name"));
            checkColumns(src, fr.markOf("columns"), "foreign key of " + where, fk.columns(), columnList);
            fks.add(fk);
            referenceMarks.add(fr.markOf("references"));
        }

        List<CheckConstraint> checks = new ArrayList<>();
        for (YamlNode item : items(r, "checks", "a list of {name?, expression}")) {
            MappingReader cr = new MappingReader(src, item, "check of " + where, "{name?, expression}", CHECK_KEYS);
            checks.add(new CheckConstraint(cr.optText("name", "the constraint name"), cr.text("expression", "an SQL boolean expression")));
        }

        return new Table(name, columns, pk, uniques, indexes, fks, checks, r.optText("comment", "the table comment"));
    }

    /** A column for add_column, where primary_key and unique belong to their own operations. */
    static Column readPlainColumn(SourceFile src, YamlNode node, String context) {
        if (node instanceof YamlNode.Mapping m) {
            for (String key : List.of("primary_key", "unique")) {
                YamlNode.Entry e = m.entries().get(key);
                if (e != null) {
                    throw src.error(e.keyMark(), "'" + key + "' is not allowed in the column of add_column",
                            "a separate add_" + (key.equals("unique") ? "unique_constraint" : key) + " operation after add_column");
                }
            }
        }
        ColumnSpec c = columnSpec(src, node, context, PLAIN_COLUMN_KEYS);
        return new Column(c.name(), c.type(), c.nullable() == null || c.nullable(), c.defaultValue(), c.autoincrement(), c.comment());
    }

    private static ColumnSpec columnSpec(SourceFile src, YamlNode node, String context, List<String> keys) {
        String shape = keys == COLUMN_KEYS ? COLUMN_SHAPE : "{name, type, nullable?, autoincrement?, default?, comment?}";
        MappingReader c = new MappingReader(src, node, context, shape, keys);
        String name = c.text("name", "the column name");
        String typeText = c.text("type", TYPE_EXPECTED);
        return new ColumnSpec(name, columnType(src, c.markOf("type"), typeText, "column " + name), c.optBool("nullable"),
                c.flag("primary_key"), c.flag("autoincrement"), c.flag("unique"), defaultValue(c, "default"),
                c.optText("comment", "the column comment"), c.mark());
    }

    static ColumnType columnType(SourceFile src, Mark mark, String text, String owner) {
        try {
            return ColumnType.parse(text);
        } catch (IllegalArgumentException e) {
            throw src.error(mark, e.getMessage() + " (" + owner + ")", TYPE_EXPECTED, e);
        }
    }

    /**
     * A default is SQL expression text: numbers as written, booleans as {@code true}/{@code false},
     * strings unchanged (so a literal string is written with SQL quotes: {@code "'new'"}).
     */
    static String defaultValue(MappingReader r, String key) {
        YamlNode v = r.value(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Scalar s && s.kind() == ScalarKind.BOOLEAN) {
            return MappingReader.isTrue(s.text()) ? "true" : "false";
        }
        return MappingReader.text(r.source(), v, "'" + key + "' of " + r.context(),
                "an SQL expression: a number, true/false, or text such as \"'new'\" or CURRENT_TIMESTAMP");
    }

    static ForeignKey foreignKey(MappingReader r, String name) {
        SourceFile src = r.source();
        List<String> cols = r.requiredNames("columns", "a list of column names, e.g. [account_id]");
        String refText = r.text("references", REFERENCES_EXPECTED);
        Matcher m = REFERENCES.matcher(refText);
        if (!m.matches()) {
            throw src.error(r.markOf("references"), "references '" + refText + "' is not table(column, ...)", REFERENCES_EXPECTED);
        }
        List<String> refCols = new ArrayList<>();
        for (String part : m.group(2).split(",", -1)) {
            if (part.isBlank()) {
                throw src.error(r.markOf("references"), "references '" + refText + "' has an empty column name", REFERENCES_EXPECTED);
            }
            refCols.add(part.strip());
        }
        if (refCols.size() != cols.size()) {
            throw src.error(r.markOf("references"), "foreign key has " + cols.size() + " column(s) " + cols + " but references "
                    + refCols.size() + " " + refCols, "as many referenced columns as columns");
        }
        return new ForeignKey(name, cols, m.group(1), refCols, action(r, "on_delete"), action(r, "on_update"));
    }

    private static ReferentialAction action(MappingReader r, String key) {
        String text = r.optText(key, ACTION_EXPECTED);
        if (text == null) {
            return ReferentialAction.NO_ACTION;
        }
        try {
            return ReferentialAction.parse(text);
        } catch (IllegalArgumentException e) {
            throw r.source().error(r.markOf(key), key + " '" + text + "' is not a referential action", ACTION_EXPECTED, e);
        }
    }

    static String uniqueName(String table, List<String> columns) {
        return "uq_" + table + "_" + String.join("_", columns);
    }

    /** {@code [a, b]} or {@code {name?, columns: [a, b]}}; the list form only where {@code listForm}. */
    private static <T> T readNamedColumns(SourceFile src, YamlNode node, String what, List<String> tableColumns, boolean listForm,
                                          BiFunction<String, List<String>, T> factory) {
        String expected = listForm ? "a list of column names, or {name, columns}" : "a mapping {name?, columns}";
        String name = null;
        List<String> cols;
        Mark at = node.mark();
        if (listForm && !(node instanceof YamlNode.Mapping)) {
            cols = MappingReader.names(src, node, what, expected);
        } else {
            MappingReader r = new MappingReader(src, node, what, "{name?, columns}", NAMED_COLUMNS_KEYS);
            name = r.optText("name", "the constraint name");
            cols = r.requiredNames("columns", "a list of column names");
            at = r.markOf("columns");
        }
        if (cols.isEmpty()) {
            throw src.error(at, what + " has no columns", expected);
        }
        checkColumns(src, at, what, cols, tableColumns);
        return factory.apply(name, cols);
    }

    private static void checkColumns(SourceFile src, Mark at, String what, List<String> cols, List<String> tableColumns) {
        for (String c : cols) {
            if (!tableColumns.contains(c)) {
                throw src.error(at, what + " names column '" + c + "', which the table does not declare",
                        "one of: " + String.join(", ", tableColumns));
            }
        }
    }

    private static List<YamlNode> items(MappingReader r, String key, String expected) {
        YamlNode v = r.value(key);
        if (v == null) {
            return List.of();
        }
        return MappingReader.sequence(r.source(), v, "'" + key + "' of " + r.context(), expected).items();
    }

    // ---- writing -------------------------------------------------------------------------------

    /** The table as block-style lines, relative indentation, starting with {@code name:}. */
    static List<String> lines(Table t) {
        List<String> out = new ArrayList<>();
        out.add("name: " + YamlText.block(t.name()));
        if (t.comment() != null) {
            out.addAll(YamlText.keyValue("comment", t.comment()));
        }
        List<String> colNames = t.columns().stream().map(Column::name).toList();
        PrimaryKey pk = t.primaryKey();
        boolean pkOnColumns = pk != null && pk.name() == null && increasing(pk.columns(), colNames);
        int columnUniques = columnLevelUniques(t, colNames);
        Set<String> uniqueColumns = new LinkedHashSet<>();
        for (int i = 0; i < columnUniques; i++) {
            uniqueColumns.add(t.uniqueConstraints().get(i).columns().get(0));
        }
        Set<String> pkColumns = pk == null ? Set.of() : Set.copyOf(pk.columns());

        out.add("columns:");
        for (Column c : t.columns()) {
            boolean inPk = pkColumns.contains(c.name());
            FlowMap m = new FlowMap().text("name", c.name()).text("type", c.type().toString())
                    .flag("primary_key", pkOnColumns && inPk)
                    .flag("autoincrement", c.autoincrement())
                    .bool("nullable", c.nullable() == !inPk ? null : c.nullable())
                    .flag("unique", uniqueColumns.contains(c.name()))
                    .text("default", c.defaultValue())
                    .text("comment", c.comment());
            out.add("  - " + m);
        }
        if (pk != null && !pkOnColumns) {
            out.add("primary_key: " + (pk.name() == null ? YamlText.flowList(pk.columns())
                    : new FlowMap().text("name", pk.name()).names("columns", pk.columns()).toString()));
        }
        List<UniqueConstraint> rest = t.uniqueConstraints().subList(columnUniques, t.uniqueConstraints().size());
        int shortForm = 0;
        while (shortForm < rest.size() && uniqueName(t.name(), rest.get(shortForm).columns()).equals(rest.get(shortForm).name())) {
            shortForm++;
        }
        if (shortForm > 0) {
            out.add("unique: " + rest.subList(0, shortForm).stream().map(u -> YamlText.flowList(u.columns()))
                    .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
            rest = rest.subList(shortForm, rest.size());
        }
        if (!rest.isEmpty()) {
            out.add("unique_constraints:");
            rest.forEach(u -> out.add("  - " + new FlowMap().text("name", u.name()).names("columns", u.columns())));
        }
        if (!t.indexes().isEmpty()) {
            out.add("indexes:");
            t.indexes().forEach(i -> out.add("  - " + new FlowMap().text("name", i.name()).names("columns", i.columns()).flag("unique", i.unique())));
        }
        if (!t.foreignKeys().isEmpty()) {
            out.add("foreign_keys:");
            t.foreignKeys().forEach(fk -> out.add("  - " + foreignKey(new FlowMap().text("name", fk.name()), fk)));
        }
        if (!t.checks().isEmpty()) {
            out.add("checks:");
            t.checks().forEach(c -> out.add("  - " + new FlowMap().text("name", c.name()).text("expression", c.expression())));
        }
        return out;
    }

    static FlowMap foreignKey(FlowMap m, ForeignKey fk) {
        m.names("columns", fk.columns()).text("references", fk.referencedTable() + "(" + String.join(", ", fk.referencedColumns()) + ")");
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            m.text("on_delete", fk.onDelete().fileName());
        }
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            m.text("on_update", fk.onUpdate().fileName());
        }
        return m;
    }

    /** A column for add_column: {@code {name, type, nullable?, autoincrement?, default?, comment?}}. */
    static String plainColumn(Column c) {
        return new FlowMap().text("name", c.name()).text("type", c.type().toString())
                .flag("autoincrement", c.autoincrement())
                .bool("nullable", c.nullable() ? null : false)
                .text("default", c.defaultValue())
                .text("comment", c.comment()).toString();
    }

    /**
     * How many leading unique constraints can be written as column-level {@code unique: true}:
     * reading puts those first, in column order, so only such a prefix reads back equal.
     */
    private static int columnLevelUniques(Table t, List<String> colNames) {
        int count = 0;
        int lastPosition = -1;
        for (UniqueConstraint u : t.uniqueConstraints()) {
            if (u.columns().size() != 1) {
                break;
            }
            String col = u.columns().get(0);
            int pos = colNames.indexOf(col);
            if (pos <= lastPosition || !uniqueName(t.name(), u.columns()).equals(u.name())) {
                break;
            }
            lastPosition = pos;
            count++;
        }
        return count;
    }

    private static boolean increasing(List<String> cols, List<String> colNames) {
        int last = -1;
        for (String c : cols) {
            int pos = colNames.indexOf(c);
            if (pos <= last) {
                return false;
            }
            last = pos;
        }
        return true;
    }
}
