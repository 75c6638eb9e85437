package dev.retort.core.domain.operation;

import dev.retort.core.domain.schema.Index;

public record CreateIndex(String table, Index index) implements Operation {
    public CreateIndex {
        Require.name(table, "create_index needs a table");
        java.util.Objects.requireNonNull(index, "create_index needs an index");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitCreateIndex(this);
    }
}
