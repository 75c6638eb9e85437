package dev.retort.dialect.sqlite;

import dev.retort.core.domain.operation.AddCheckConstraint;
import dev.retort.core.domain.operation.AddForeignKey;
import dev.retort.core.domain.operation.AddPrimaryKey;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.ConstraintType;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.SchemaEvolution;
import dev.retort.core.domain.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a whole revision for SQLite so that consecutive operations on one table that each need a
 * table rebuild (see {@link SqliteDdlRenderer}) cost one rebuild, not one each: a run of adjacent
 * operations on the same table, each needing a rebuild or able to join one (dropping a column,
 * creating or dropping an index, a comment-only column change), becomes a single rebuild from the
 * table before the run to the table after it, provided the run holds at least one operation that
 * needs a rebuild. Every other operation renders as {@link SqliteDdlRenderer#render} does. Runs are
 * never reordered across operations on other tables, so dependencies between tables stay as written,
 * and a merged run does exactly what its operations do one after another (see
 * {@link #keepsSequentialMeaning}).
 *
 * <p>When any rebuild needs foreign keys off, a single {@value SqliteDdlRenderer#FOREIGN_KEYS_OFF}
 * opens the revision's statements and a single {@value SqliteDdlRenderer#FOREIGN_KEYS_ON} closes
 * them: SQLite honours the pragma only outside a transaction, and {@link SqliteDialect} can switch
 * it there only before the transaction's first statement.
 *
 * <p>The model evolves operation by operation as core's migration runner evolves it: an operation
 * that does not apply to the model makes its table unknown rather than failing, and the database
 * decides. Stateless and thread-safe.
 */
public final class SqliteRebuildPlanner {
    private final SqliteDdlRenderer renderer;

    public SqliteRebuildPlanner(SqliteDdlRenderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
    }

    /**
     * @param ops    one revision's operations, in order
     * @param before the schema model before the first of them; never null
     * @return the statements, in order, without trailing semicolons
     * @throws dev.retort.core.domain.UnsupportedOperationForDialectException when SQLite cannot do
     *         an operation, or a rebuild needs a table definition the model does not have
     */
    public List<String> renderAll(List<? extends Operation> ops, Schema before) {
        List<String> out = new ArrayList<>();
        Schema model = before == null ? Schema.EMPTY : before;
        int i = 0;
        while (i < ops.size()) {
            int end = runEnd(ops, i, model);
            if (end > i) {
                List<? extends Operation> run = ops.subList(i, end);
                out.addAll(renderer.rebuild(run, model));
                model = SchemaEvolution.applyAll(model, run);
                i = end;
            } else {
                Operation op = ops.get(i);
                out.addAll(renderer.render(op, model));
                model = evolve(model, op);
                i++;
            }
        }
        return hoistForeignKeyPragmas(out);
    }

    /**
     * @return the end (exclusive) of the rebuild run starting at {@code start}, or {@code start}
     *         when the operation there starts none
     */
    private int runEnd(List<? extends Operation> ops, int start, Schema model) {
        String table = ops.get(start).table();
        if (table == null || model.table(table).isEmpty()) {
            return start;
        }
        Schema s = model;
        int lastRebuild = -1;
        int k = start;
        Set<String> changed = new HashSet<>();
        Set<String> added = new HashSet<>();
        while (k < ops.size()) {
            Operation op = ops.get(k);
            if (!table.equals(op.table())) {
                break;
            }
            boolean rebuild = renderer.needsRebuild(op, s);
            if (!rebuild && !SqliteDdlRenderer.absorbable(op) || !keepsSequentialMeaning(op, changed, added)) {
                break;
            }
            try {
                s = SchemaEvolution.apply(s, op);
            } catch (RuntimeException e) {
                // The rebuild renders it on its own, where the failure is reported for this operation.
                break;
            }
            if (rebuild) {
                lastRebuild = k;
            }
            k++;
        }
        if (lastRebuild < 0) {
            return start;
        }
        // Absorbable operations after the last rebuild join it too: they are in the definition it writes.
        return k;
    }

    /**
     * Whether {@code op} can join the run without the merged rebuild differing from running the
     * operations one after another. One rebuild converts each value once and checks the rows only
     * against the final definition, so a run ends before a second type or nullability change of a
     * column (the first one's conversion, NULL filling or NOT NULL failure would be skipped) and
     * before dropping a constraint the run added (the rows would never be checked against it).
     * Records what {@code op} changes when it joins.
     */
    private static boolean keepsSequentialMeaning(Operation op, Set<String> changed, Set<String> added) {
        if (op instanceof AlterColumn a) {
            List<String> keys = new ArrayList<>();
            if (a.type() != null) {
                keys.add("type:" + a.column());
            }
            if (a.nullable() != null) {
                keys.add("null:" + a.column());
            }
            if (keys.stream().anyMatch(changed::contains)) {
                return false;
            }
            changed.addAll(keys);
        } else if (op instanceof DropConstraint d) {
            return !added.contains(d.type() == ConstraintType.PRIMARY_KEY ? "pk" : d.type() + ":" + d.name());
        } else if (op instanceof AddPrimaryKey) {
            added.add("pk");
        } else if (op instanceof AddUniqueConstraint u) {
            added.add(ConstraintType.UNIQUE + ":" + u.constraint().name());
        } else if (op instanceof AddCheckConstraint c) {
            added.add(ConstraintType.CHECK + ":" + c.check().name());
        } else if (op instanceof AddForeignKey f) {
            added.add(ConstraintType.FOREIGN_KEY + ":" + f.foreignKey().name());
        }
        return true;
    }

    /** As core's migration runner: an operation the model cannot apply makes its table unknown. */
    private static Schema evolve(Schema model, Operation op) {
        try {
            return SchemaEvolution.apply(model, op);
        } catch (RuntimeException e) {
            return op.table() == null ? model : model.withoutTable(op.table());
        }
    }

    private static List<String> hoistForeignKeyPragmas(List<String> statements) {
        if (!statements.contains(SqliteDdlRenderer.FOREIGN_KEYS_OFF)) {
            return statements;
        }
        List<String> out = new ArrayList<>();
        out.add(SqliteDdlRenderer.FOREIGN_KEYS_OFF);
        for (String sql : statements) {
            if (!sql.equals(SqliteDdlRenderer.FOREIGN_KEYS_OFF) && !sql.equals(SqliteDdlRenderer.FOREIGN_KEYS_ON)) {
                out.add(sql);
            }
        }
        out.add(SqliteDdlRenderer.FOREIGN_KEYS_ON);
        return out;
    }
}
