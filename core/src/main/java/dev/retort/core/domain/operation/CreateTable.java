package dev.retort.core.domain.operation;

import dev.retort.core.domain.schema.Table;

public record CreateTable(Table definition) implements Operation {
    public CreateTable {
        java.util.Objects.requireNonNull(definition, "table definition");
    }

    @Override
    public String table() {
        return definition.name();
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitCreateTable(this);
    }
}
