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
 * The contract suite's comparison form, applied after the dialect's own
 * {@code ScriptDialect.normalizer()}: tables sorted by name (catalogs list them in their own
 * order), column order kept, constraints and indexes sorted, primary key columns not null, and the
 * parts the dialect does not read back yet ({@link ContractFeature}) removed: enums then compare
 * as text, and constraint names are dropped unless {@link ContractFeature#CONSTRAINT_NAMES} is
 * supported (index names are always kept, they are always given).
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
        PrimaryKey pk = t.primaryKey() == null ? null : new PrimaryKey(name(t.primaryKey().name()), t.primaryKey().columns());
        List<UniqueConstraint> uniques = !on(ContractFeature.UNIQUE_CONSTRAINTS) ? List.of()
                : t.uniqueConstraints().stream().map(u -> new UniqueConstraint(name(u.name()), u.columns()))
                        .sorted(Comparator.comparing(u -> u.columns().toString())).toList();
        List<Index> indexes = !on(ContractFeature.INDEXES) ? List.of()
                : t.indexes().stream().sorted(Comparator.comparing(Index::name)).toList();
        List<ForeignKey> fks = !on(ContractFeature.FOREIGN_KEYS) ? List.of()
                : t.foreignKeys().stream()
                        .map(f -> new ForeignKey(name(f.name()), f.columns(), f.referencedTable(), f.referencedColumns(), f.onDelete(), f.onUpdate()))
                        .sorted(Comparator.comparing(f -> f.columns() + "->" + f.referencedTable() + f.referencedColumns())).toList();
        List<CheckConstraint> checks = !on(ContractFeature.CHECK_CONSTRAINTS) ? List.of()
                : t.checks().stream().map(c -> new CheckConstraint(name(c.name()), c.expression()))
                        .sorted(Comparator.comparing(CheckConstraint::expression)).toList();
        return new Table(t.name(), columns, pk, uniques, indexes, fks, checks, on(ContractFeature.COMMENTS) ? t.comment() : null);
    }

    /** Without {@link ContractFeature#ENUM_COLUMNS} an enum is expected back as the text column holding it. */
    private ColumnType type(ColumnType type) {
        return type.kind() == ColumnType.Kind.ENUM && !on(ContractFeature.ENUM_COLUMNS) ? ColumnType.of(ColumnType.Kind.TEXT) : type;
    }

    private String name(String name) {
        return on(ContractFeature.CONSTRAINT_NAMES) ? name : null;
    }

    private boolean on(ContractFeature feature) {
        return supported.test(feature);
    }
}
