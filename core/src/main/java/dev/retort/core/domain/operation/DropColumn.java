package dev.retort.core.domain.operation;


public record DropColumn(String table, String column) implements Operation {
    public DropColumn {
        Require.name(table, "drop_column needs a table");
        Require.name(column, "drop_column needs a column");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitDropColumn(this);
    }
}
