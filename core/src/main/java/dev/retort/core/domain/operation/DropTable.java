package dev.retort.core.domain.operation;


public record DropTable(String table) implements Operation {
    public DropTable {
        Require.name(table, "drop_table needs a table name");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitDropTable(this);
    }
}
