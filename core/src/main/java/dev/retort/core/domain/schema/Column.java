package dev.retort.core.domain.schema;

import java.util.Objects;

/**
 * A table column.
 *
 * @param defaultValue server default as SQL expression text, or null for none
 * @param comment      column comment, or null
 */
public record Column(String name, ColumnType type, boolean nullable, String defaultValue, boolean autoincrement, String comment) {
    public Column {
        Names.require(name, "column name");
        Objects.requireNonNull(type, "type of column " + name);
    }

    public static Column of(String name, ColumnType type, boolean nullable) {
        return new Column(name, type, nullable, null, false, null);
    }

    public Column withNullable(boolean value) {
        return new Column(name, type, value, defaultValue, autoincrement, comment);
    }

    public Column withType(ColumnType value) {
        return new Column(name, value, nullable, defaultValue, autoincrement, comment);
    }

    public Column withDefault(String value) {
        return new Column(name, type, nullable, value, autoincrement, comment);
    }

    public Column withComment(String value) {
        return new Column(name, type, nullable, defaultValue, autoincrement, value);
    }

    public Column withName(String value) {
        return new Column(value, type, nullable, defaultValue, autoincrement, comment);
    }
}
