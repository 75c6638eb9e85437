package dev.retort.core.application.port.in;

import dev.retort.core.domain.revision.RevisionId;
import java.util.List;

/** {@code retort stamp}: set the version table without running migrations. */
public interface StampUseCase {
    record StampResult(List<RevisionId> headsBefore, List<RevisionId> headsAfter) {
    }

    StampResult stamp(StampCommand command);
}
