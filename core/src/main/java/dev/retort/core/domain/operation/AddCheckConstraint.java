package dev.retort.core.domain.operation;

import dev.retort.core.domain.schema.CheckConstraint;

public record AddCheckConstraint(String table, CheckConstraint check) implements Operation {
    public AddCheckConstraint {
        Require.name(table, "add_check_constraint needs a table");
        java.util.Objects.requireNonNull(check, "add_check_constraint needs an expression");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAddCheckConstraint(this);
    }
}
