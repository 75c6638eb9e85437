package dev.retort.core.domain.operation;

import dev.retort.core.domain.schema.ColumnType;

/**
 * Changes parts of one column. A null component means "unchanged"; a {@link Change} holding null
 * removes the default or comment.
 */
public record AlterColumn(String table, String column, ColumnType type, Boolean nullable, Change defaultValue, Change comment)
        implements Operation {

    /** A new value for an optional attribute; {@code value == null} removes it. */
    public record Change(String value) {
    }

    public AlterColumn {
        Require.name(table, "alter_column needs a table");
        Require.name(column, "alter_column needs a column");
        if (type == null && nullable == null && defaultValue == null && comment == null) {
            throw new IllegalArgumentException("alter_column " + table + "." + column + " changes nothing (give type, nullable, default or comment)");
        }
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAlterColumn(this);
    }
}
