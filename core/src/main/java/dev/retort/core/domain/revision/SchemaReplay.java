package dev.retort.core.domain.revision;

import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.SchemaEvolution;
import dev.retort.core.domain.schema.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The schema at a revision without a database: replay the upgrade operations from base. Raw SQL is
 * opaque, so a table it may touch (one it names) becomes unknown from that revision on; the model
 * keeps its best guess for it, and {@link #unknownTables()} says which revision made it unknown.
 * Raw SQL whose revision declares its effect ({@link ExecuteSql#declares()}) is replayed as
 * declared instead, and the tables it declares are known again.
 * Immutable.
 */
public final class SchemaReplay {
    private static final Pattern CREATED = Pattern.compile(
            "(?i)\\bcreate\\s+(?:temporary\\s+|temp\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?[`\"\\[]?([A-Za-z_][A-Za-z0-9_$]*)");

    private final Schema schema;
    private final Map<String, RevisionId> unknown;

    private SchemaReplay(Schema schema, Map<String, RevisionId> unknown) {
        this.schema = schema;
        this.unknown = Map.copyOf(unknown);
    }

    public static final SchemaReplay EMPTY = new SchemaReplay(Schema.EMPTY, Map.of());

    /** The schema after applying, from base, every revision that {@code heads} includes. */
    public static SchemaReplay at(RevisionGraph graph, List<RevisionId> heads) {
        SchemaReplay state = EMPTY;
        for (MigrationStep step : graph.upgradePlanTo(List.of(), heads).steps()) {
            state = state.apply(step.revision().id(), step.operations());
        }
        return state;
    }

    public Schema schema() {
        return schema;
    }

    /** Tables whose shape the model cannot vouch for, with the revision whose raw SQL touched them. */
    public Map<String, RevisionId> unknownTables() {
        return unknown;
    }

    /** {@link #schema()} without the unknown tables: what a renderer may rely on. */
    public Schema known() {
        Schema s = schema;
        for (String t : unknown.keySet()) {
            s = s.withoutTable(t);
        }
        return s;
    }

    /** The state after one revision's operations (upgrade or downgrade ones). */
    public SchemaReplay apply(RevisionId revision, List<Operation> ops) {
        Schema s = schema;
        Map<String, RevisionId> u = new LinkedHashMap<>(unknown);
        for (Operation op : ops) {
            if (op instanceof ExecuteSql sql && sql.declares() != null) {
                s = SchemaEvolution.apply(s, sql);
                sql.declares().tables().forEach(t -> u.remove(t.name()));
                sql.declares().dropped().forEach(u::remove);
                continue;
            }
            if (op instanceof ExecuteSql sql) {
                for (String t : touched(s, sql)) {
                    u.put(t, revision);
                }
                continue;
            }
            try {
                s = SchemaEvolution.apply(s, op);
            } catch (RuntimeException e) {
                if (op.table() != null) {
                    u.put(op.table(), revision);
                }
            }
        }
        return new SchemaReplay(s, u);
    }

    /** Tables a raw SQL text may change: known tables it names, and tables it creates. */
    static java.util.Set<String> touched(Schema schema, ExecuteSql sql) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        StringBuilder all = new StringBuilder();
        if (sql.sql() != null) {
            all.append(sql.sql()).append('\n');
        }
        sql.perDialect().values().forEach(v -> all.append(v).append('\n'));
        String text = all.toString();
        String lower = text.toLowerCase(Locale.ROOT);
        for (String t : schema.tableNames()) {
            if (Pattern.compile("(?<![A-Za-z0-9_$])" + Pattern.quote(t.toLowerCase(Locale.ROOT)) + "(?![A-Za-z0-9_$])").matcher(lower).find()) {
                out.add(t);
            }
        }
        Matcher m = CREATED.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
