package dev.retort.core.domain.schema;

import java.util.List;
import java.util.Objects;

/** @param name constraint name, or null when the database names it */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                         ReferentialAction onDelete, ReferentialAction onUpdate) {
    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
        Names.require(referencedTable, "referenced table");
        if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
            throw new IllegalArgumentException("foreign key to " + referencedTable
                    + " needs as many referenced columns as columns (" + columns + " -> " + referencedColumns + ")");
        }
        onDelete = Objects.requireNonNullElse(onDelete, ReferentialAction.NO_ACTION);
        onUpdate = Objects.requireNonNullElse(onUpdate, ReferentialAction.NO_ACTION);
    }
}
