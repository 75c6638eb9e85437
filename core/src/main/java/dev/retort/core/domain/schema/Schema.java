package dev.retort.core.domain.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable set of tables, in declaration order. Replaying N revisions derives N schemas one
 * table apart, so deriving one ({@link #withTable}, {@link #replaceTable}, {@link #withoutTable})
 * copies only the table references and checks only the changed name, and a schema that is asked
 * for tables often indexes them by name.
 */
public final class Schema {
    public static final Schema EMPTY = new Schema(List.of());
    private static final int SCANS_BEFORE_INDEX = 4;

    private final List<Table> tables;
    private final Table[] array;
    private volatile Map<String, Table> index;
    private int scans;

    /** @throws IllegalArgumentException when two tables have the same name */
    public Schema(List<Table> tables) {
        this(tables.toArray(new Table[0]));
        Set<String> seen = new HashSet<>();
        for (Table t : array) {
            if (!seen.add(t.name())) {
                throw new IllegalArgumentException("table " + t.name() + " is declared twice");
            }
        }
    }

    /** Takes ownership of {@code array}, whose names are known to be distinct. */
    private Schema(Table[] array) {
        for (Table t : array) {
            Objects.requireNonNull(t, "table");
        }
        this.array = array;
        this.tables = Collections.unmodifiableList(Arrays.asList(array));
    }

    public List<Table> tables() {
        return tables;
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(find(name));
    }

    private Table find(String name) {
        Map<String, Table> idx = index;
        if (idx != null) {
            return idx.get(name);
        }
        if (array.length > 16 && ++scans > SCANS_BEFORE_INDEX) {
            Map<String, Table> built = new HashMap<>(array.length * 2);
            for (Table t : array) {
                built.put(t.name(), t);
            }
            index = built;
            return built.get(name);
        }
        int i = position(name);
        return i < 0 ? null : array[i];
    }

    private int position(String name) {
        for (int i = 0; i < array.length; i++) {
            if (array[i].name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public boolean hasTable(String name) {
        return find(name) != null;
    }

    public List<String> tableNames() {
        List<String> out = new ArrayList<>(array.length);
        for (Table t : array) {
            out.add(t.name());
        }
        return out;
    }

    /** @throws IllegalArgumentException when a table of that name exists */
    public Schema withTable(Table table) {
        if (hasTable(table.name())) {
            throw new IllegalArgumentException("table " + table.name() + " is declared twice");
        }
        Table[] next = Arrays.copyOf(array, array.length + 1);
        next[array.length] = table;
        return new Schema(next);
    }

    /**
     * Puts {@code table} where the table {@code name} is; unchanged when there is none.
     *
     * @throws IllegalArgumentException when the new name is taken by another table
     */
    public Schema replaceTable(String name, Table table) {
        int i = position(name);
        if (i < 0) {
            return this;
        }
        if (!table.name().equals(name)) {
            int other = position(table.name());
            if (other >= 0 && other != i) {
                throw new IllegalArgumentException("table " + table.name() + " is declared twice");
            }
        }
        Table[] next = array.clone();
        next[i] = table;
        return new Schema(next);
    }

    public Schema withoutTable(String name) {
        int i = position(name);
        if (i < 0) {
            return this;
        }
        Table[] next = new Table[array.length - 1];
        System.arraycopy(array, 0, next, 0, i);
        System.arraycopy(array, i + 1, next, i, array.length - i - 1);
        return new Schema(next);
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Schema s && tables.equals(s.tables);
    }

    @Override
    public int hashCode() {
        return tables.hashCode();
    }

    @Override
    public String toString() {
        return "Schema[tables=" + tables + "]";
    }
}
