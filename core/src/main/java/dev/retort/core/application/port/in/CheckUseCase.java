package dev.retort.core.application.port.in;

import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.revision.RevisionId;
import java.time.Duration;
import java.util.List;

/** {@code retort check}: would autogenerate find anything? Never writes a file. */
public interface CheckUseCase {

    /**
     * @param heads       where the database is (its version table)
     * @param pending     the operations autogenerate would write; empty when the model matches
     * @param destructive operations among them that can lose data
     * @param hints       suggestions, e.g. possible renames
     * @param timing      how long reading the database's catalog and comparing took
     */
    record CheckResult(List<RevisionId> heads, List<Operation> pending, List<String> destructive, List<String> hints, Timing timing) {
        public CheckResult {
            heads = List.copyOf(heads);
            pending = List.copyOf(pending);
            destructive = List.copyOf(destructive);
            hints = List.copyOf(hints);
        }

        public boolean clean() {
            return pending.isEmpty();
        }
    }

    /**
     * @param tables     the tables inspected (Retort's own tables left out)
     * @param inspection reading the catalog into the schema model
     * @param diff       normalizing both sides and comparing them
     */
    record Timing(int tables, Duration inspection, Duration diff) {
    }

    /**
     * @throws dev.retort.core.domain.RetortException when the database is not at the head revisions
     */
    CheckResult check();
}
