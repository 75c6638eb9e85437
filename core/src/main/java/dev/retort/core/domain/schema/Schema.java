package dev.retort.core.domain.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An immutable set of tables, in declaration order. */
public record Schema(List<Table> tables) {
    public static final Schema EMPTY = new Schema(List.of());

    public Schema {
        tables = List.copyOf(tables);
        Map<String, Table> seen = new LinkedHashMap<>();
        for (Table t : tables) {
            if (seen.put(t.name(), t) != null) {
                throw new IllegalArgumentException("table " + t.name() + " is declared twice");
            }
        }
    }

    public Optional<Table> table(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public boolean hasTable(String name) {
        return table(name).isPresent();
    }

    public List<String> tableNames() {
        return tables.stream().map(Table::name).toList();
    }

    public Schema withTable(Table table) {
        List<Table> list = new ArrayList<>(tables);
        list.add(table);
        return new Schema(list);
    }

    public Schema replaceTable(String name, Table table) {
        List<Table> list = new ArrayList<>(tables);
        list.replaceAll(t -> t.name().equals(name) ? table : t);
        return new Schema(list);
    }

    public Schema withoutTable(String name) {
        List<Table> list = new ArrayList<>(tables);
        list.removeIf(t -> t.name().equals(name));
        return new Schema(list);
    }
}
