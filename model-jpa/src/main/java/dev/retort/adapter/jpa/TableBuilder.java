package dev.retort.adapter.jpa;

import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One table as the mapping fills it; {@link #build()} makes the immutable model table. */
final class TableBuilder {
    /** PostgreSQL's identifier limit is 63 bytes, MySQL's 64. */
    private static final int MAX_NAME = 63;

    final String name;
    /** What declared the table, for messages: a class, or class and attribute. */
    final String source;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private final Map<String, String> logicalToPhysical = new HashMap<>();
    private List<String> primaryKey = List.of();
    private final List<UniqueConstraint> uniques = new ArrayList<>();
    private final List<Index> indexes = new ArrayList<>();
    private final List<ForeignKey> foreignKeys = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();
    private String comment;

    TableBuilder(String name, String source) {
        this.name = name;
        this.source = source;
    }

    /**
     * Adds a column unless one of that name is there already (an attribute mapped twice, the
     * second time read-only, as {@code insertable = false, updatable = false} allows).
     */
    void add(String logical, Column column, String where, Warnings warnings) {
        Column existing = columns.get(column.name());
        if (existing != null) {
            if (!existing.type().equals(column.type())) {
                warnings.warn(where, "column " + name + "." + column.name() + " is mapped twice with different types ("
                        + existing.type() + " and " + column.type() + "); the first mapping is kept");
            }
            return;
        }
        columns.put(column.name(), column);
        logicalToPhysical.putIfAbsent(logical, column.name());
    }

    /** @return the logical name a column was added under (what default join column names are formed from) */
    String logicalName(String physical) {
        for (Map.Entry<String, String> e : logicalToPhysical.entrySet()) {
            if (e.getValue().equals(physical)) {
                return e.getKey();
            }
        }
        return physical;
    }

    Column column(String physical) {
        return columns.get(physical);
    }

    List<Column> columns() {
        return List.copyOf(columns.values());
    }

    /** @return the physical column for a physical or logical name, or null */
    String resolve(String name) {
        String n = name.strip();
        if (Naming.isQuoted(n)) {
            n = n.substring(1, n.length() - 1);
        }
        if (columns.containsKey(n)) {
            return n;
        }
        String physical = logicalToPhysical.get(n);
        if (physical != null) {
            return physical;
        }
        for (String c : columns.keySet()) {
            if (c.equalsIgnoreCase(n)) {
                return c;
            }
        }
        return null;
    }

    void primaryKey(List<String> value) {
        primaryKey = List.copyOf(value);
    }

    List<String> primaryKey() {
        return primaryKey;
    }

    void unique(String constraintName, List<String> cols) {
        if (cols.equals(primaryKey) || uniques.stream().anyMatch(u -> u.columns().equals(cols))) {
            return;
        }
        uniques.add(new UniqueConstraint(constraintName == null || constraintName.isBlank() ? generatedName("uq", cols) : constraintName, cols));
    }

    void index(String indexName, List<String> cols, boolean unique) {
        indexes.add(new Index(indexName == null || indexName.isBlank() ? generatedName("ix", cols) : indexName, cols, unique));
    }

    void foreignKey(ForeignKey fk) {
        if (foreignKeys.stream().anyMatch(f -> f.columns().equals(fk.columns()) && f.referencedTable().equals(fk.referencedTable()))) {
            return;
        }
        String n = fk.name() == null || fk.name().isBlank() ? generatedName("fk", fk.columns()) : fk.name();
        foreignKeys.add(new ForeignKey(n, fk.columns(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate()));
    }

    void check(CheckConstraint c) {
        checks.add(c);
    }

    void comment(String value) {
        comment = value;
    }

    boolean isEmpty() {
        return columns.isEmpty();
    }

    Table build() {
        List<String> pk = primaryKey.stream().filter(columns::containsKey).toList();
        return new Table(name, List.copyOf(columns.values()), pk.isEmpty() ? null : new PrimaryKey(null, pk), uniques, indexes, foreignKeys,
                checks, comment);
    }

    /** {@code <prefix>_<table>_<columns>}, shortened with a hash of the whole when over the databases' limit. */
    String generatedName(String prefix, List<String> cols) {
        String full = prefix + "_" + name + "_" + String.join("_", cols);
        if (full.length() <= MAX_NAME) {
            return full;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(full.getBytes(StandardCharsets.UTF_8));
            return full.substring(0, MAX_NAME - 9) + "_" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
