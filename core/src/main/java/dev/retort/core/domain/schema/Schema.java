package dev.retort.core.domain.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An immutable set of tables, in declaration order. Replaying N revisions derives N schemas one
 * table apart, so deriving one ({@link #withTable}, {@link #replaceTable}, {@link #withoutTable})
 * copies only the table references and updates a persistent name index in O(log N), and
 * {@link #table} is a lookup in that index.
 */
public final class Schema {
    public static final Schema EMPTY = new Schema(List.of());

    private final List<Table> tables;
    private final Table[] array;
    private final TableIndex index;

    /** @throws IllegalArgumentException when two tables have the same name */
    public Schema(List<Table> tables) {
        this(tables.toArray(new Table[0]), null);
        Set<String> seen = new HashSet<>();
        for (Table t : array) {
            if (!seen.add(t.name())) {
                throw new IllegalArgumentException("table " + t.name() + " is declared twice");
            }
        }
    }

    /** Takes ownership of {@code array}, whose names are known to be distinct, and of its index (null: build it). */
    private Schema(Table[] array, TableIndex index) {
        for (Table t : array) {
            Objects.requireNonNull(t, "table");
        }
        this.array = array;
        this.tables = Collections.unmodifiableList(Arrays.asList(array));
        this.index = index != null ? index : TableIndex.of(array);
    }

    public List<Table> tables() {
        return tables;
    }

    public Optional<Table> table(String name) {
        return Optional.ofNullable(index.get(name));
    }

    /** Where {@code t} (this very table) sits in {@link #array}. */
    private int position(Table t) {
        for (int i = array.length - 1; i >= 0; i--) {
            if (array[i] == t) {
                return i;
            }
        }
        throw new IllegalStateException("table index out of step with the table list");
    }

    public boolean hasTable(String name) {
        return index.get(name) != null;
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
        return new Schema(next, index.with(table));
    }

    /**
     * Puts {@code table} where the table {@code name} is; unchanged when there is none.
     *
     * @throws IllegalArgumentException when the new name is taken by another table
     */
    public Schema replaceTable(String name, Table table) {
        Table old = index.get(name);
        if (old == null) {
            return this;
        }
        TableIndex next = index;
        if (!table.name().equals(name)) {
            if (hasTable(table.name())) {
                throw new IllegalArgumentException("table " + table.name() + " is declared twice");
            }
            next = next.without(name);
        }
        Table[] list = array.clone();
        list[position(old)] = table;
        return new Schema(list, next.with(table));
    }

    public Schema withoutTable(String name) {
        Table old = index.get(name);
        if (old == null) {
            return this;
        }
        int i = position(old);
        Table[] next = new Table[array.length - 1];
        System.arraycopy(array, 0, next, 0, i);
        System.arraycopy(array, i + 1, next, i, array.length - i - 1);
        return new Schema(next, index.without(name));
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
