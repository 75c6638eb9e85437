package dev.retort.core.domain.operation;

import dev.retort.core.domain.schema.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Raw SQL, the one place user text becomes SQL unchanged.
 *
 * <p>Retort cannot read raw SQL, so by default the tables it names become "unknown" in the schema
 * model replayed from the revisions (offline scripts and SQLite rebuilds then refuse to rely on
 * them). A revision author may state the SQL's effect instead with {@code declares}: the
 * definitions of the tables it creates or changes, and the names of those it drops; the model
 * then takes exactly that effect and no table becomes unknown. An empty declaration says the SQL
 * changes no table's shape (a data migration).
 *
 * @param sql        statement(s) for every dialect, or null when only per-dialect text is given
 * @param perDialect statement(s) keyed by dialect name ({@code postgres}, {@code mysql}, {@code sqlite})
 * @param declares   the SQL's effect on the schema as the author states it, or null when not stated
 */
public record ExecuteSql(String sql, Map<String, String> perDialect, Declared declares) implements Operation {

    /**
     * The effect of raw SQL on the schema, stated by the revision's author.
     *
     * @param tables  the resulting definitions of tables the SQL creates or changes
     * @param dropped tables the SQL drops
     */
    public record Declared(List<Table> tables, List<String> dropped) {
        public static final Declared NOTHING = new Declared(List.of(), List.of());

        public Declared {
            tables = tables == null ? List.of() : List.copyOf(tables);
            dropped = dropped == null ? List.of() : List.copyOf(dropped);
            Set<String> seen = new HashSet<>();
            for (Table t : tables) {
                if (!seen.add(t.name())) {
                    throw new IllegalArgumentException("declares table " + t.name() + " twice");
                }
            }
            for (String d : dropped) {
                Require.name(d, "a dropped table needs a name");
                if (!seen.add(d)) {
                    throw new IllegalArgumentException("declares table " + d + " " + (tables.stream().anyMatch(t -> t.name().equals(d))
                            ? "both as a result and as dropped" : "dropped twice"));
                }
            }
        }
    }

    public ExecuteSql {
        perDialect = perDialect == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(perDialect));
        if ((sql == null || sql.isBlank()) && perDialect.isEmpty()) {
            throw new IllegalArgumentException("sql needs a statement, or a map of dialect name to statement");
        }
    }

    public ExecuteSql(String sql, Map<String, String> perDialect) {
        this(sql, perDialect, null);
    }

    public static ExecuteSql of(String sql) {
        return new ExecuteSql(sql, Map.of());
    }

    /** The text for a dialect; empty when the operation has none for it (it is then skipped). */
    public Optional<String> sqlFor(String dialect) {
        String specific = perDialect.get(dialect);
        if (specific != null) {
            return Optional.of(specific);
        }
        return Optional.ofNullable(sql);
    }

    @Override
    public String table() {
        return null;
    }

    @Override
    public <R> R accept(OperationVisitor<R> visitor) {
        return visitor.visitExecuteSql(this);
    }
}
