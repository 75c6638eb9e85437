package dev.retort.core.domain.revision;

import java.util.Objects;

/** One row change in the version table, which holds one row per applied head. */
public sealed interface VersionChange {
    record Insert(RevisionId id) implements VersionChange {
        public Insert {
            Objects.requireNonNull(id);
        }
    }

    record Delete(RevisionId id) implements VersionChange {
        public Delete {
            Objects.requireNonNull(id);
        }
    }

    record Update(RevisionId from, RevisionId to) implements VersionChange {
        public Update {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
        }
    }
}
