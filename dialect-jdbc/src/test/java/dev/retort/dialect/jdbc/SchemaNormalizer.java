package dev.retort.dialect.jdbc;

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
import java.util.List;
import java.util.function.Predicate;

/**
 * Brings a model and an inspected schema to a form where equal means "the database holds what the
 * model says": tables sorted by name (catalogs list them in their own order), column order kept,
 * constraint names dropped (databases invent names for unnamed constraints; index names are kept,
 * they are always given), constraints and indexes sorted, primary key columns not null, and the
 * parts the dialect does not read back yet removed (enums then compare as text).
 */
public final class SchemaNormalizer {
    private final Predicate<ContractFeature> supported;

    public SchemaNormalizer(Predicate<ContractFeature> supported) {
        this.supported = supported;
    }

    public Schema normalize(Schema schema) {
        List<Table> tables = new ArrayList<>();
        for (Table t : schema.tables()) {
            tables.add(normalize(t));
        }
        tables.sort(Comparator.comparing(Table::name));
        return new Schema(tables);
    }

    private Table normalize(Table t) {
        List<String> pkColumns = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
        List<Column> columns = t.columns().stream().map(c -> new Column(c.name(), type(c.type()),
                c.nullable() && !pkColumns.contains(c.name()),
                on(ContractFeature.DEFAULTS) ? c.defaultValue() : null,
                on(ContractFeature.AUTOINCREMENT) && c.autoincrement(),
                on(ContractFeature.COMMENTS) ? c.comment() : null)).toList();
        PrimaryKey pk = t.primaryKey() == null ? null : new PrimaryKey(null, t.primaryKey().columns());
        List<UniqueConstraint> uniques = !on(ContractFeature.UNIQUE_CONSTRAINTS) ? List.of()
                : t.uniqueConstraints().stream().map(u -> new UniqueConstraint(null, u.columns()))
                        .sorted(Comparator.comparing(u -> u.columns().toString())).toList();
        List<Index> indexes = !on(ContractFeature.INDEXES) ? List.of()
                : t.indexes().stream().sorted(Comparator.comparing(Index::name)).toList();
        List<ForeignKey> fks = !on(ContractFeature.FOREIGN_KEYS) ? List.of()
                : t.foreignKeys().stream()
                        .map(f -> new ForeignKey(null, f.columns(), f.referencedTable(), f.referencedColumns(), f.onDelete(), f.onUpdate()))
                        .sorted(Comparator.comparing(f -> f.columns() + "->" + f.referencedTable() + f.referencedColumns())).toList();
        List<CheckConstraint> checks = !on(ContractFeature.CHECK_CONSTRAINTS) ? List.of()
                : t.checks().stream().map(c -> new CheckConstraint(null, c.expression()))
                        .sorted(Comparator.comparing(CheckConstraint::expression)).toList();
        return new Table(t.name(), columns, pk, uniques, indexes, fks, checks, on(ContractFeature.COMMENTS) ? t.comment() : null);
    }

    /** Without {@link ContractFeature#ENUM_COLUMNS} an enum is expected back as the text column holding it. */
    private ColumnType type(ColumnType type) {
        return type.kind() == ColumnType.Kind.ENUM && !on(ContractFeature.ENUM_COLUMNS) ? ColumnType.of(ColumnType.Kind.TEXT) : type;
    }

    private boolean on(ContractFeature feature) {
        return supported.test(feature);
    }
}
