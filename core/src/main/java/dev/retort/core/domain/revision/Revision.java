package dev.retort.core.domain.revision;

import dev.retort.core.domain.operation.Operation;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One revision file.
 *
 * @param downRevisions parents; empty for a base, several for a merge
 * @param branchLabels  labels declared on this revision (inherited ones live in {@link RevisionGraph})
 * @param dependsOn     references (ids, prefixes or labels) that must be applied first, without merging
 * @param created       creation time, or null when the file does not say
 * @param source        where the revision was loaded from (a file path), or null
 */
public record Revision(RevisionId id, List<RevisionId> downRevisions, List<String> branchLabels, List<String> dependsOn,
                       String message, Instant created, List<Operation> upgrade, List<Operation> downgrade, String source) {
    public Revision {
        Objects.requireNonNull(id, "revision id");
        downRevisions = List.copyOf(downRevisions);
        branchLabels = branchLabels == null ? List.of() : List.copyOf(branchLabels);
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        message = message == null ? "" : message;
        upgrade = upgrade == null ? List.of() : List.copyOf(upgrade);
        downgrade = downgrade == null ? List.of() : List.copyOf(downgrade);
        if (downRevisions.contains(id)) {
            throw new IllegalArgumentException("revision " + id + " names itself as its down_revision");
        }
        if (new java.util.HashSet<>(downRevisions).size() != downRevisions.size()) {
            throw new IllegalArgumentException("revision " + id + " lists a down_revision twice");
        }
    }

    public boolean isBase() {
        return downRevisions.isEmpty();
    }

    public boolean isMerge() {
        return downRevisions.size() > 1;
    }

    /** "id (file)" for error messages. */
    public String where() {
        return source == null ? id.value() : id.value() + " (" + source + ")";
    }
}
