package dev.retort.core.domain.schema;

import java.util.List;

/** @param name constraint name, or null when the database names it */
public record PrimaryKey(String name, List<String> columns) {
    public PrimaryKey {
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a primary key needs at least one column");
        }
    }
}
