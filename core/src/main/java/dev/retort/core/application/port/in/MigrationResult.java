package dev.retort.core.application.port.in;

import dev.retort.core.domain.revision.MigrationStep;
import dev.retort.core.domain.revision.RevisionId;
import java.util.List;

/** What an upgrade or downgrade did. */
public record MigrationResult(List<MigrationStep> applied, List<RevisionId> headsBefore, List<RevisionId> headsAfter) {
    public MigrationResult {
        applied = List.copyOf(applied);
        headsBefore = List.copyOf(headsBefore);
        headsAfter = List.copyOf(headsAfter);
    }
}
