package dev.retort.core.domain.diff;

import dev.retort.core.domain.operation.Operation;
import java.util.List;

/**
 * The operations turning one schema into another, and notes for the person reviewing them.
 *
 * @param operations  in an order that runs
 * @param destructive one line per operation that can lose data (drop table/column, narrowing a type)
 * @param hints       suggestions, e.g. a drop + add that may be a rename
 */
public record DiffResult(List<Operation> operations, List<String> destructive, List<String> hints) {
    public DiffResult {
        operations = List.copyOf(operations);
        destructive = List.copyOf(destructive);
        hints = List.copyOf(hints);
    }

    public boolean isEmpty() {
        return operations.isEmpty();
    }
}
