package dev.retort.core.application.port.in;

import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionId;
import java.util.List;
import java.util.Set;

/** A revision with its place in the graph. */
public record RevisionInfo(Revision revision, Set<String> labels, boolean head, boolean branchPoint, boolean mergePoint,
                           List<RevisionId> children, List<RevisionId> dependencies) {
    public RevisionInfo {
        labels = Set.copyOf(labels);
        children = List.copyOf(children);
        dependencies = List.copyOf(dependencies);
    }

    public RevisionId id() {
        return revision.id();
    }
}
