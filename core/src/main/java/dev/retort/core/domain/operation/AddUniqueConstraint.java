package dev.retort.core.domain.operation;

import dev.retort.core.domain.schema.UniqueConstraint;

public record AddUniqueConstraint(String table, UniqueConstraint constraint) implements Operation {
    public AddUniqueConstraint {
        Require.name(table, "add_unique_constraint needs a table");
        java.util.Objects.requireNonNull(constraint, "add_unique_constraint needs columns");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAddUniqueConstraint(this);
    }
}
