package dev.retort.core.domain.operation;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Raw SQL, the one place user text becomes SQL unchanged.
 *
 * @param sql        statement(s) for every dialect, or null when only per-dialect text is given
 * @param perDialect statement(s) keyed by dialect name ({@code postgres}, {@code mysql}, {@code sqlite})
 */
public record ExecuteSql(String sql, Map<String, String> perDialect) implements Operation {
    public ExecuteSql {
        perDialect = perDialect == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(perDialect));
        if ((sql == null || sql.isBlank()) && perDialect.isEmpty()) {
            throw new IllegalArgumentException("sql needs a statement, or a map of dialect name to statement");
        }
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
