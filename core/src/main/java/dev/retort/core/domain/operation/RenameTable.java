package dev.retort.core.domain.operation;


public record RenameTable(String table, String newName) implements Operation {
    public RenameTable {
        Require.name(table, "rename_table needs the table's name");
        Require.name(newName, "rename_table needs new_name");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitRenameTable(this);
    }
}
