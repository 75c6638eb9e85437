package dev.retort.core.application.service;

import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.Suggestions;
import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.revision.MigrationPlan;
import dev.retort.core.domain.revision.MigrationStep;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code sql} operation's per-dialect entries must name installed dialects: a misspelt key
 * ({@code postgress:}) would otherwise skip the statement silently on every database.
 */
final class SqlDialectKeys {
    private SqlDialectKeys() {
    }

    /** @param known the installed dialects' names; empty skips the check */
    static void check(MigrationPlan plan, Set<String> known) {
        if (known.isEmpty()) {
            return;
        }
        for (MigrationStep step : plan.steps()) {
            for (Operation op : step.operations()) {
                if (op instanceof ExecuteSql sql) {
                    for (String key : sql.perDialect().keySet()) {
                        if (!known.contains(key)) {
                            throw new RetortException("revision " + step.revision().where() + ": a sql operation has an entry for '" + key
                                    + "', which is not an installed dialect (" + String.join(", ", new TreeSet<>(known)) + ")"
                                    + Suggestions.didYouMean(key, known) + "; fix the key, or use all: for every dialect; nothing was changed");
                        }
                    }
                }
            }
        }
    }
}
