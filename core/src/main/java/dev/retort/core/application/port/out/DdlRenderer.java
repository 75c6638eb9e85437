package dev.retort.core.application.port.out;

import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.schema.Schema;
import java.util.List;

/** Turns operations into SQL for one dialect. Identifiers are always quoted. Stateless and thread-safe. */
public interface DdlRenderer {

    /**
     * Renders one operation.
     *
     * @param before the schema model just before this operation runs — what a dialect needs when a
     *               statement must restate a definition (MySQL's MODIFY COLUMN, SQLite's table
     *               rebuild); a table missing from it is unknown (e.g. created by raw SQL); never null
     * @return the statements, in order, without trailing semicolons; empty when the operation has
     *         nothing to do on this dialect (e.g. raw SQL only for another dialect)
     * @throws dev.retort.core.domain.UnsupportedOperationForDialectException when the dialect cannot
     *         do it, or needs a definition {@code before} does not have
     */
    List<String> render(Operation operation, Schema before);

    /**
     * Renders one revision's operations together, so a dialect may merge them (SQLite rebuilds a
     * table once for several changes to it). The default renders them one at a time, each with the
     * schema evolved by the ones before.
     *
     * @throws dev.retort.core.domain.UnsupportedOperationForDialectException as {@link #render(Operation, Schema)}
     */
    default List<String> renderAll(List<? extends Operation> operations, Schema before) {
        List<String> out = new java.util.ArrayList<>();
        Schema s = before;
        for (Operation op : operations) {
            out.addAll(render(op, s));
            try {
                s = dev.retort.core.domain.operation.SchemaEvolution.apply(s, op);
            } catch (RuntimeException e) {
                s = op.table() == null ? s : s.withoutTable(op.table());
            }
        }
        return out;
    }

    /** Renders an operation that needs no knowledge of the schema before it. */
    /**
     * Whether a rendered statement must be the first of its transaction (SQLite switches foreign
     * keys off only there). When a whole run is one transaction, such statements run once, first.
     */
    default boolean mustStartTransaction(String statement) {
        return false;
    }

    default List<String> render(Operation operation) {
        return render(operation, Schema.EMPTY);
    }
}
