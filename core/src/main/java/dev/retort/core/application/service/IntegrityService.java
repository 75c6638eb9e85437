package dev.retort.core.application.service;

import dev.retort.core.application.port.in.AppliedHistoryQuery;
import dev.retort.core.application.port.in.IntegrityUseCase;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.HistoryEntry;
import dev.retort.core.application.port.out.HistoryStore;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.domain.revision.Direction;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** verify, repair and the applied history. */
public final class IntegrityService implements IntegrityUseCase, AppliedHistoryQuery {
    private final ScriptRepository scripts;
    private final DatabaseConnector connector;
    private final Reporter reporter;

    public IntegrityService(ScriptRepository scripts, DatabaseConnector connector, Reporter reporter) {
        this.scripts = scripts;
        this.connector = connector;
        this.reporter = reporter;
    }

    @Override
    public VerifyReport verify() {
        RevisionGraph graph = RevisionGraph.of(scripts.loadAll());
        if (!connector.exists()) {
            return new VerifyReport(0, List.of(), List.of());   // a new database: nothing applied, nothing to compare
        }
        try {
            return verify(graph);
        } finally {
            scripts.remember();
        }
    }

    private VerifyReport verify(RevisionGraph graph) {
        try (Dialect dialect = connector.connect()) {
            List<RevisionId> heads = dialect.versionStore().heads();
            graph.checkKnown(heads, connector.versionTable());
            List<HistoryEntry> entries = dialect.historyStore().entries();
            List<String> mismatches = Integrity.mismatches(graph, heads, entries).stream().map(Integrity.Mismatch::describe).toList();
            List<String> dirty = dialect.capabilities().transactionalDdl() ? List.of()
                    : Integrity.dirty(entries).stream().map(Integrity.Dirty::describe).toList();
            Set<String> recorded = new HashSet<>();
            entries.stream().filter(e -> e.outcome() == HistoryEntry.Outcome.SUCCESS && e.direction() == Direction.UPGRADE)
                    .forEach(e -> recorded.add(e.revision()));
            long withChecksums = Integrity.applied(graph, heads).stream().filter(id -> recorded.contains(id.value())).count();
            return new VerifyReport((int) withChecksums, mismatches, dirty);
        }
    }

    @Override
    public List<String> repair(boolean acceptChecksums) {
        RevisionGraph graph = RevisionGraph.of(scripts.loadAll());
        if (!connector.exists()) {
            return List.of();   // a new database has no history to repair; creating it would change it
        }
        return Locked.run(connector, reporter, dialect -> {
            List<RevisionId> heads = dialect.versionStore().heads();
            graph.checkKnown(heads, connector.versionTable());
            HistoryStore history = dialect.historyStore();
            if (!history.exists()) {
                history.create();
            }
            List<HistoryEntry> entries = history.entries();
            List<String> done = new ArrayList<>();
            Instant now = Instant.now();
            for (Integrity.Dirty d : Integrity.dirty(entries)) {
                HistoryEntry f = d.failure();
                history.append(new HistoryEntry(0, f.revision(), f.direction(), f.checksum(), now, now, 0, HistoryEntry.Outcome.REPAIRED,
                        null, "cleared by retort repair", user(), null));
                done.add("cleared the " + (f.outcome() == HistoryEntry.Outcome.STARTED ? "unfinished " : "failed ")
                        + f.direction().name().toLowerCase(Locale.ROOT) + " of revision " + f.revision()
                        + " (at " + f.startedAt() + ")");
            }
            List<Integrity.Mismatch> mismatches = Integrity.mismatches(graph, heads, entries);
            if (acceptChecksums) {
                for (Integrity.Mismatch m : mismatches) {
                    history.append(new HistoryEntry(0, m.revision().id().value(), Direction.UPGRADE, m.current(), now, now, 0,
                            HistoryEntry.Outcome.ACCEPTED, null, "checksum accepted by retort repair --accept-checksums", user(), null));
                    done.add("accepted the new checksum of revision " + m.revision().where());
                }
            } else if (!mismatches.isEmpty()) {
                done.add("left " + mismatches.size() + " changed revision" + (mismatches.size() == 1 ? "" : "s")
                        + " as they are; after review, run `retort repair --accept-checksums`");
            }
            return done;
        });
    }

    @Override
    public List<Applied> applied() {
        if (!connector.exists()) {
            return List.of();
        }
        try (Dialect dialect = connector.connect()) {
            List<Applied> out = new ArrayList<>();
            for (HistoryEntry e : dialect.historyStore().entries()) {
                out.add(new Applied(e.rank(), e.revision(), e.direction().name().toLowerCase(Locale.ROOT), e.outcome().name().toLowerCase(Locale.ROOT),
                        e.startedAt(), e.durationMillis(), e.checksum(), e.executedBy(), e.host(), e.statement(), e.message()));
            }
            return out;
        }
    }

    private static String user() {
        return System.getProperty("user.name", "unknown");
    }
}
