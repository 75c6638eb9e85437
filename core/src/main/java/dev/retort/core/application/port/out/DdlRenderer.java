package dev.retort.core.application.port.out;

import dev.retort.core.domain.operation.Operation;
import java.util.List;

/** Turns operations into SQL for one dialect. Identifiers are always quoted. Stateless and thread-safe. */
public interface DdlRenderer {

    /**
     * @return the statements, in order, without trailing semicolons; empty when the operation has
     *         nothing to do on this dialect (e.g. raw SQL only for another dialect)
     * @throws dev.retort.core.domain.UnsupportedOperationForDialectException when the dialect cannot do it
     */
    List<String> render(Operation operation);
}
