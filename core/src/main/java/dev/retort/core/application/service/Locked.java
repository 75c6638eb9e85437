package dev.retort.core.application.service;

import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.HistoryEntry;
import dev.retort.core.application.port.out.MigrationLock;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionId;
import java.util.List;
import java.util.function.Function;

/**
 * Every command that changes the database runs here: connect, take the migration lock, then
 * read the version and history tables — after the lock, so a process that waited sees what the
 * holder did.
 */
final class Locked {
    private Locked() {
    }

    static <T> T run(DatabaseConnector connector, Reporter reporter, Function<Dialect, T> body) {
        try (Dialect dialect = connector.connect(); MigrationLock lock = dialect.lock(connector.lockTimeout(), reporter::info)) {
            return body.apply(dialect);
        }
    }

    /**
     * Refuses to run on a database left half-changed by a failed step (on databases without
     * transactional DDL), or whose applied revisions were edited since they ran.
     */
    static void checkIntegrity(Dialect dialect, RevisionGraph graph, List<RevisionId> heads) {
        List<HistoryEntry> entries = dialect.historyStore().entries();
        if (!dialect.capabilities().transactionalDdl()) {
            List<Integrity.Dirty> dirty = Integrity.dirty(entries);
            if (!dirty.isEmpty()) {
                throw new RetortException("the database may be half-changed: " + dirty.get(0).describe()
                        + "; fix the database by hand, then run `retort repair` (and `retort stamp` if you completed the revision)");
            }
        }
        List<Integrity.Mismatch> mismatches = Integrity.mismatches(graph, heads, entries);
        if (!mismatches.isEmpty()) {
            throw new RetortException(mismatches.get(0).describe() + (mismatches.size() > 1 ? " and " + (mismatches.size() - 1) + " more" : "")
                    + "; restore the file, or after reviewing the change run `retort repair --accept-checksums` (`retort verify` lists all)");
        }
    }
}
