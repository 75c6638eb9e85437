package dev.retort.core.domain.operation;


public record DropConstraint(String table, String name, ConstraintType type) implements Operation {
    public DropConstraint {
        Require.name(table, "drop_constraint needs a table");
        Require.name(name, "drop_constraint needs a name");
        java.util.Objects.requireNonNull(type, "drop_constraint needs a type");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitDropConstraint(this);
    }
}
