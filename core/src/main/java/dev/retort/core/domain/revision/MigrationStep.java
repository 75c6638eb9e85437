package dev.retort.core.domain.revision;

import dev.retort.core.domain.operation.Operation;
import java.util.List;

/** Apply or revert one revision, then change the version table as listed. */
public record MigrationStep(Revision revision, Direction direction, List<VersionChange> versionChanges) {
    public MigrationStep {
        versionChanges = List.copyOf(versionChanges);
    }

    public List<Operation> operations() {
        return direction == Direction.UPGRADE ? revision.upgrade() : revision.downgrade();
    }

    /** Alembic-style: {@code 1a2b -> 3f2a, add invoice}. */
    public String describe() {
        String down = revision.downRevisions().isEmpty() ? "" : String.join(", ", revision.downRevisions().stream().map(RevisionId::value).toList());
        String arrow = direction == Direction.UPGRADE ? down + " -> " + revision.id() : revision.id() + " -> " + down;
        return arrow + (revision.message().isEmpty() ? "" : ", " + revision.message());
    }
}
