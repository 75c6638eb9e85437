package dev.retort.core.domain.revision;

import java.util.List;

/** Ordered steps and the version-table heads before and after them. */
public record MigrationPlan(List<MigrationStep> steps, List<RevisionId> headsBefore, List<RevisionId> headsAfter) {
    public MigrationPlan {
        steps = List.copyOf(steps);
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /**
     * Reads the operations of every step's revision now, several files at a time, so that a
     * malformed revision file stops the command before anything runs. When several are malformed,
     * the first in plan order is the one reported.
     *
     * @return this plan
     * @throws RuntimeException what reading the first malformed revision threw (a
     *         {@link dev.retort.core.domain.ConfigException} for a file)
     */
    public MigrationPlan readOperations() {
        steps.parallelStream().forEach(s -> {
            try {
                s.revision().body();
            } catch (RuntimeException e) {
                // Read again below, in order, so the reported file does not depend on thread timing.
            }
        });
        for (MigrationStep s : steps) {
            s.revision().body();
        }
        return this;
    }
}
