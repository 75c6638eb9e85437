package dev.retort.dialect.sqlite;

import dev.retort.core.application.port.out.SchemaNormalizer;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SQLite's type rules: a schema as SQLite holds it and {@link SqliteSchemaInspector} reads it back,
 * so that {@code normalize(target)} equals {@code normalize(inspect(apply(target)))}.
 * <ul>
 * <li>comments are dropped: SQLite has none;</li>
 * <li>primary key columns are NOT NULL (Retort declares them so; an INTEGER PRIMARY KEY is the rowid);</li>
 * <li>the name of an autoincrement key is dropped: it is declared inline ({@code INTEGER PRIMARY KEY
 *     AUTOINCREMENT}), where SQLite has no place for one; other constraint names are kept, SQLite
 *     keeps them in the table's text;</li>
 * <li>a unique constraint on exactly the primary key's columns is dropped, as SQLite drops it (the
 *     key's index already enforces it), except beside a rowid key ({@code INTEGER PRIMARY KEY}), which
 *     has no index; unique constraints on the same columns count once, as SQLite makes one index;</li>
 * <li>defaults and check expressions get one spelling: keywords, function names and identifiers in
 *     upper case ({@code current_timestamp} and {@code CURRENT_TIMESTAMP} alike), whitespace and
 *     redundant outer parentheses removed, and {@code DEFAULT NULL} is no default;</li>
 * <li>a non-portable type name is compared in upper case, as SQLite compares it;</li>
 * <li>tables, indexes and constraints are sorted, since the catalog lists them in its own order.</li>
 * </ul>
 * Stateless, thread-safe, idempotent.
 */
public final class SqliteSchemaNormalizer implements SchemaNormalizer {

    @Override
    public Schema normalize(Schema schema) {
        List<Table> tables = new ArrayList<>();
        for (Table t : schema.tables()) {
            tables.add(normalize(t));
        }
        tables.sort(Comparator.comparing(Table::name));
        return new Schema(tables);
    }

    private static Table normalize(Table t) {
        List<String> key = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
        List<Column> columns = t.columns().stream()
                .map(c -> new Column(c.name(), type(c.type()), c.nullable() && !key.contains(c.name()), defaultValue(c.defaultValue()),
                        c.autoincrement(), null))
                .toList();
        PrimaryKey pk = t.primaryKey() == null ? null
                : new PrimaryKey(SqliteDdlRenderer.inlineAutoincrementKey(t) ? null : t.primaryKey().name(), t.primaryKey().columns());
        Map<List<String>, UniqueConstraint> byColumns = new LinkedHashMap<>();
        for (UniqueConstraint u : t.uniqueConstraints()) {
            if (!u.columns().equals(key) || rowidKey(t)) {
                byColumns.put(u.columns(), u);
            }
        }
        List<UniqueConstraint> uniques = byColumns.values().stream()
                .sorted(Comparator.comparing((UniqueConstraint u) -> u.columns().toString()).thenComparing(u -> String.valueOf(u.name())))
                .toList();
        List<Index> indexes = t.indexes().stream().sorted(Comparator.comparing(Index::name)).toList();
        List<ForeignKey> fks = t.foreignKeys().stream()
                .sorted(Comparator.comparing((ForeignKey f) -> f.columns() + "->" + f.referencedTable() + f.referencedColumns())
                        .thenComparing(f -> String.valueOf(f.name())))
                .toList();
        List<CheckConstraint> checks = t.checks().stream()
                .map(c -> new CheckConstraint(c.name(), SqliteTableSql.canonical(c.expression())))
                .sorted(Comparator.comparing(CheckConstraint::expression).thenComparing(c -> String.valueOf(c.name())))
                .toList();
        return new Table(t.name(), columns, pk, uniques, indexes, fks, checks, null);
    }

    /** A single-column key declared {@code INTEGER} is the rowid, which has no index for a UNIQUE to share. */
    private static boolean rowidKey(Table t) {
        return t.primaryKey().columns().size() == 1 && t.column(t.primaryKey().columns().get(0))
                .map(c -> c.autoincrement() || c.type().kind() == ColumnType.Kind.INTEGER).orElse(false);
    }

    private static ColumnType type(ColumnType type) {
        if (type.kind() != ColumnType.Kind.OTHER) {
            return type;
        }
        return new ColumnType(ColumnType.Kind.OTHER, null, null, null, List.of(), type.raw().strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT));
    }

    private static String defaultValue(String expression) {
        if (expression == null) {
            return null;
        }
        String canonical = SqliteTableSql.canonical(expression);
        return canonical.isEmpty() || canonical.equals("NULL") ? null : canonical;
    }
}
