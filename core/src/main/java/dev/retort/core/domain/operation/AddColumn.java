package dev.retort.core.domain.operation;

import dev.retort.core.domain.schema.Column;

public record AddColumn(String table, Column column) implements Operation {
    public AddColumn {
        Require.name(table, "add_column needs a table");
        java.util.Objects.requireNonNull(column, "add_column needs a column");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAddColumn(this);
    }
}
