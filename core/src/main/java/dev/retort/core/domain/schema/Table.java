package dev.retort.core.domain.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A table. Lists keep declaration order. */
public record Table(String name, List<Column> columns, PrimaryKey primaryKey, List<UniqueConstraint> uniqueConstraints,
                   List<Index> indexes, List<ForeignKey> foreignKeys, List<CheckConstraint> checks, String comment) {
    public Table {
        Names.require(name, "table name");
        columns = List.copyOf(columns);
        uniqueConstraints = uniqueConstraints == null ? List.of() : List.copyOf(uniqueConstraints);
        indexes = indexes == null ? List.of() : List.copyOf(indexes);
        foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        checks = checks == null ? List.of() : List.copyOf(checks);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " needs at least one column");
        }
        List<String> seen = new ArrayList<>();
        for (Column c : columns) {
            if (seen.contains(c.name())) {
                throw new IllegalArgumentException("table " + name + " declares column " + c.name() + " twice");
            }
            seen.add(c.name());
        }
        if (primaryKey != null) {
            for (String pk : primaryKey.columns()) {
                if (!seen.contains(pk)) {
                    throw new IllegalArgumentException("table " + name + ": primary key column " + pk + " is not a column");
                }
            }
        }
    }

    public static Table of(String name, List<Column> columns) {
        return new Table(name, columns, null, List.of(), List.of(), List.of(), List.of(), null);
    }

    /** Whether an SQL expression names the column (as a bare or quoted identifier); databases drop such checks with the column. */
    static boolean mentions(String expression, String column) {
        return java.util.regex.Pattern.compile("(?i)(?<![A-Za-z0-9_$])[\"`\\[]?" + java.util.regex.Pattern.quote(column) + "[\"`\\]]?(?![A-Za-z0-9_$])")
                .matcher(expression).find();
    }

    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    public Optional<Index> index(String indexName) {
        return indexes.stream().filter(i -> i.name().equals(indexName)).findFirst();
    }

    public Table withName(String value) {
        return new Table(value, columns, primaryKey, uniqueConstraints, indexes, foreignKeys, checks, comment);
    }

    public Table withColumns(List<Column> value) {
        return new Table(name, value, primaryKey, uniqueConstraints, indexes, foreignKeys, checks, comment);
    }

    public Table withPrimaryKey(PrimaryKey value) {
        return new Table(name, columns, value, uniqueConstraints, indexes, foreignKeys, checks, comment);
    }

    public Table withUniqueConstraints(List<UniqueConstraint> value) {
        return new Table(name, columns, primaryKey, value, indexes, foreignKeys, checks, comment);
    }

    public Table withIndexes(List<Index> value) {
        return new Table(name, columns, primaryKey, uniqueConstraints, value, foreignKeys, checks, comment);
    }

    public Table withForeignKeys(List<ForeignKey> value) {
        return new Table(name, columns, primaryKey, uniqueConstraints, indexes, value, checks, comment);
    }

    public Table withChecks(List<CheckConstraint> value) {
        return new Table(name, columns, primaryKey, uniqueConstraints, indexes, foreignKeys, value, comment);
    }

    public Table withComment(String value) {
        return new Table(name, columns, primaryKey, uniqueConstraints, indexes, foreignKeys, checks, value);
    }

    public Table withColumn(Column column) {
        List<Column> list = new ArrayList<>(columns);
        list.add(column);
        return withColumns(list);
    }

    public Table replaceColumn(String columnName, Column column) {
        List<Column> list = new ArrayList<>(columns);
        list.replaceAll(c -> c.name().equals(columnName) ? column : c);
        return withColumns(list);
    }

    public Table withoutColumn(String columnName) {
        List<Column> list = new ArrayList<>(columns);
        list.removeIf(c -> c.name().equals(columnName));
        Predicate<List<String>> uses = cols -> cols.contains(columnName);
        return new Table(name, list,
                primaryKey == null || uses.test(primaryKey.columns()) ? null : primaryKey,
                uniqueConstraints.stream().filter(u -> !uses.test(u.columns())).toList(),
                indexes.stream().filter(i -> !uses.test(i.columns())).toList(),
                foreignKeys.stream().filter(f -> !uses.test(f.columns())).toList(),
                checks.stream().filter(c -> !mentions(c.expression(), columnName)).toList(), comment);
    }
}
