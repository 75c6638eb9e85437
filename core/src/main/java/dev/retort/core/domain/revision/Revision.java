package dev.retort.core.domain.revision;

import dev.retort.core.domain.operation.Operation;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One revision file. The header (id, parents, labels, dependencies, message, creation time) is
 * always known; the operations may be read lazily ({@link #lazy}), so that commands that only
 * walk the graph never parse them. Immutable and thread-safe.
 */
public final class Revision {
    private final RevisionId id;
    private final List<RevisionId> downRevisions;
    private final List<String> branchLabels;
    private final List<String> dependsOn;
    private final String message;
    private final Instant created;
    private final String source;
    private Supplier<Body> loader;
    private volatile Body body;
    private volatile String checksum;

    /** What a revision does: its upgrade and downgrade operations. */
    public record Body(List<Operation> upgrade, List<Operation> downgrade) {
        public Body {
            upgrade = upgrade == null ? List.of() : List.copyOf(upgrade);
            downgrade = downgrade == null ? List.of() : List.copyOf(downgrade);
        }
    }

    /**
     * @param downRevisions parents; empty for a base, several for a merge
     * @param branchLabels  labels declared on this revision (inherited ones live in {@link RevisionGraph})
     * @param dependsOn     references (ids, prefixes or labels) that must be applied first, without merging
     * @param created       creation time, or null when the file does not say
     * @param source        where the revision was loaded from (a file path), or null
     * @throws IllegalArgumentException when the revision names itself or a parent twice
     */
    public Revision(RevisionId id, List<RevisionId> downRevisions, List<String> branchLabels, List<String> dependsOn,
                    String message, Instant created, List<Operation> upgrade, List<Operation> downgrade, String source) {
        this(id, downRevisions, branchLabels, dependsOn, message, created, source, null, new Body(upgrade, downgrade));
    }

    private Revision(RevisionId id, List<RevisionId> downRevisions, List<String> branchLabels, List<String> dependsOn,
                     String message, Instant created, String source, Supplier<Body> loader, Body body) {
        this.id = Objects.requireNonNull(id, "revision id");
        this.downRevisions = List.copyOf(downRevisions);
        this.branchLabels = branchLabels == null ? List.of() : List.copyOf(branchLabels);
        this.dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        this.message = message == null ? "" : message;
        this.created = created;
        this.source = source;
        this.loader = loader;
        this.body = body;
        if (this.downRevisions.contains(id)) {
            throw new IllegalArgumentException("revision " + id + " names itself as its down_revision");
        }
        if (this.downRevisions.size() > 1 && new HashSet<>(this.downRevisions).size() != this.downRevisions.size()) {
            throw new IllegalArgumentException("revision " + id + " lists a down_revision twice");
        }
    }

    /**
     * A revision whose operations are read on first use of {@link #upgrade()}, {@link #downgrade()}
     * or {@link #body()}. The loader runs at most once (unless it throws, then again on the next
     * use) and its exception, e.g. a {@link dev.retort.core.domain.ConfigException} for a malformed
     * file, reaches the caller of those methods.
     *
     * @throws IllegalArgumentException when the revision names itself or a parent twice
     */
    public static Revision lazy(RevisionId id, List<RevisionId> downRevisions, List<String> branchLabels, List<String> dependsOn,
                                String message, Instant created, String source, Supplier<Body> loader) {
        return lazy(id, downRevisions, branchLabels, dependsOn, message, created, source, loader, null);
    }

    /**
     * Like {@link #lazy(RevisionId, List, List, List, String, Instant, String, Supplier)}, with the
     * {@link #checksum()} of the operations already known (kept from an earlier read of the same,
     * unchanged file), so that checking an applied revision does not read its operations.
     *
     * @param knownChecksum {@link RevisionChecksum#of} of what the loader would return, or null
     */
    public static Revision lazy(RevisionId id, List<RevisionId> downRevisions, List<String> branchLabels, List<String> dependsOn,
                                String message, Instant created, String source, Supplier<Body> loader, String knownChecksum) {
        Revision r = new Revision(id, downRevisions, branchLabels, dependsOn, message, created, source,
                Objects.requireNonNull(loader, "loader"), null);
        r.checksum = knownChecksum;
        return r;
    }

    public RevisionId id() {
        return id;
    }

    public List<RevisionId> downRevisions() {
        return downRevisions;
    }

    public List<String> branchLabels() {
        return branchLabels;
    }

    public List<String> dependsOn() {
        return dependsOn;
    }

    public String message() {
        return message;
    }

    public Instant created() {
        return created;
    }

    public String source() {
        return source;
    }

    public List<Operation> upgrade() {
        return body().upgrade();
    }

    public List<Operation> downgrade() {
        return body().downgrade();
    }

    /** The operations, read now when they were not read yet. */
    public Body body() {
        Body b = body;
        if (b == null) {
            synchronized (this) {
                b = body;
                if (b == null) {
                    b = Objects.requireNonNull(loader.get(), "revision body");
                    body = b;
                    loader = null;
                }
            }
        }
        return b;
    }

    /**
     * {@link RevisionChecksum#of} this revision: the one it was created with, else worked out (and
     * the operations read) on first use.
     */
    public String checksum() {
        String c = checksum;
        if (c == null) {
            c = RevisionChecksum.of(this);
            checksum = c;
        }
        return c;
    }

    /** The checksum when it is known already, else null; never reads the operations. */
    public String checksumIfKnown() {
        return checksum;
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

    /** Equal when every field, operations included, is equal (reads lazy operations). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Revision r && id.equals(r.id) && downRevisions.equals(r.downRevisions) && branchLabels.equals(r.branchLabels)
                && dependsOn.equals(r.dependsOn) && message.equals(r.message) && Objects.equals(created, r.created)
                && Objects.equals(source, r.source) && body().equals(r.body());
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, downRevisions, branchLabels, dependsOn, message, created, source);
    }

    @Override
    public String toString() {
        Body b = body;
        return "Revision[id=" + id + ", downRevisions=" + downRevisions + ", branchLabels=" + branchLabels + ", dependsOn=" + dependsOn
                + ", message=" + message + ", created=" + created + ", upgrade=" + (b == null ? "(not read)" : b.upgrade())
                + ", downgrade=" + (b == null ? "(not read)" : b.downgrade()) + ", source=" + source + "]";
    }
}
