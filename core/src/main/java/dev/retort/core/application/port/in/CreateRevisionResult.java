package dev.retort.core.application.port.in;

import dev.retort.core.domain.revision.Revision;
import java.util.List;

/**
 * @param revision the new revision, or null when autogenerate found no changes
 * @param path     where it was written, or null
 * @param warnings notices for the user (destructive operations, hints)
 */
public record CreateRevisionResult(Revision revision, String path, List<String> warnings) {
    public CreateRevisionResult {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public boolean noChanges() {
        return revision == null;
    }
}
