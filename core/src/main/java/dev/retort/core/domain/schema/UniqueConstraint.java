package dev.retort.core.domain.schema;

import java.util.List;

/** @param name constraint name, or null when the database names it */
public record UniqueConstraint(String name, List<String> columns) {
    public UniqueConstraint {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a unique constraint needs at least one column");
        }
    }
}
