package dev.retort.core.domain.operation;

import dev.retort.core.domain.schema.ForeignKey;

public record AddForeignKey(String table, ForeignKey foreignKey) implements Operation {
    public AddForeignKey {
        Require.name(table, "add_foreign_key needs a table");
        java.util.Objects.requireNonNull(foreignKey, "add_foreign_key needs a key");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAddForeignKey(this);
    }
}
