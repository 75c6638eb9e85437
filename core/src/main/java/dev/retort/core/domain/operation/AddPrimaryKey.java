package dev.retort.core.domain.operation;

import dev.retort.core.domain.schema.PrimaryKey;

public record AddPrimaryKey(String table, PrimaryKey primaryKey) implements Operation {
    public AddPrimaryKey {
        Require.name(table, "add_primary_key needs a table");
        java.util.Objects.requireNonNull(primaryKey, "add_primary_key needs columns");
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitAddPrimaryKey(this);
    }
}
