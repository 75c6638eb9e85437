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
}
