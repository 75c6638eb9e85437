package dev.retort.core.domain.operation;


public record DropIndex(String table, String name) implements Operation {
    public DropIndex {
        Require.name(table, "drop_index needs a table");
        Require.name(name, "drop_index needs a name");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitDropIndex(this);
    }
}
