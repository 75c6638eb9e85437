package dev.retort.core.application.service;

import dev.retort.core.application.port.out.HistoryEntry;
import dev.retort.core.domain.revision.Direction;
import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the history table says about the applied revisions: failed steps left dirty, and files changed since they ran. */
final class Integrity {
    /** A failed step not yet repaired. */
    record Dirty(HistoryEntry failure) {
        String describe() {
            String what = failure.outcome() == HistoryEntry.Outcome.STARTED ? " started and never finished (the process died?) during "
                    : " failed during ";
            return "revision " + failure.revision() + what + failure.direction().name().toLowerCase(java.util.Locale.ROOT)
                    + " at " + failure.startedAt() + (failure.statement() == null ? "" : " in statement: " + MigrationRunner.oneLine(failure.statement()))
                    + " (" + MigrationRunner.oneLine(failure.message()) + ")";
        }
    }

    /** An applied revision whose file no longer matches the checksum recorded when it ran. */
    record Mismatch(Revision revision, String recorded, String current, HistoryEntry entry) {
        String describe() {
            return "revision " + revision.where() + " changed since it was applied at " + entry.finishedAt() + " (checksum "
                    + recorded.substring(0, 12) + "..., file now " + current.substring(0, 12) + "...)";
        }
    }

    private Integrity() {
    }

    /** Failures not followed by a repair or a later success of the same revision. */
    static List<Dirty> dirty(List<HistoryEntry> entries) {
        Map<String, HistoryEntry> open = new LinkedHashMap<>();
        for (HistoryEntry e : entries) {
            switch (e.outcome()) {
                case FAILED, STARTED -> open.put(e.revision(), e);
                case REPAIRED, SUCCESS -> open.remove(e.revision());
                default -> {
                }
            }
        }
        List<Dirty> out = new ArrayList<>();
        open.values().forEach(e -> out.add(new Dirty(e)));
        return out;
    }

    /** The revisions the heads include: the heads and their ancestors. */
    static Set<RevisionId> applied(RevisionGraph graph, List<RevisionId> heads) {
        Set<RevisionId> applied = new HashSet<>();
        for (RevisionId h : heads) {
            if (graph.contains(h)) {
                graph.history(":" + h.value(), List.of()).forEach(r -> applied.add(r.id()));
            }
        }
        return applied;
    }

    /** Applied revisions (ancestors of the heads) whose last recorded checksum differs from their file's. */
    static List<Mismatch> mismatches(RevisionGraph graph, List<RevisionId> heads, List<HistoryEntry> entries) {
        Map<String, HistoryEntry> recorded = new LinkedHashMap<>();
        for (HistoryEntry e : entries) {
            boolean applied = e.outcome() == HistoryEntry.Outcome.SUCCESS && e.direction() == Direction.UPGRADE;
            if ((applied || e.outcome() == HistoryEntry.Outcome.ACCEPTED) && e.checksum() != null) {
                recorded.put(e.revision(), e);
            }
        }
        Set<RevisionId> applied = applied(graph, heads);
        List<Mismatch> out = new ArrayList<>();
        for (Map.Entry<String, HistoryEntry> e : recorded.entrySet()) {
            RevisionId id;
            try {
                id = RevisionId.of(e.getKey());
            } catch (IllegalArgumentException ex) {
                continue;
            }
            if (!applied.contains(id) || !graph.contains(id)) {
                continue;
            }
            Revision r = graph.get(id);
            String now = r.checksum();
            if (!now.equals(e.getValue().checksum())) {
                out.add(new Mismatch(r, e.getValue().checksum(), now, e.getValue()));
            }
        }
        return out;
    }
}
