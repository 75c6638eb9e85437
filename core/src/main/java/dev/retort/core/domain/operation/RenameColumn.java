package dev.retort.core.domain.operation;


public record RenameColumn(String table, String column, String newName) implements Operation {
    public RenameColumn {
        Require.name(table, "rename_column needs a table");
        Require.name(column, "rename_column needs a column");
        Require.name(newName, "rename_column needs new_name");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitRenameColumn(this);
    }
}
