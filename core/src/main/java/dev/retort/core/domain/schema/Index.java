package dev.retort.core.domain.schema;

import java.util.List;

public record Index(String name, List<String> columns, boolean unique) {
    public Index {
        Names.require(name, "index name");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index " + name + " needs at least one column");
        }
    }
}
