package dev.retort.core.application.port.out;

import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.revision.VersionChange;
import java.util.List;

/**
 * The version table: one row per applied head (Alembic's {@code alembic_version}). Runs on the
 * dialect's connection, inside whatever transaction is open.
 */
public interface VersionStore {

    /** @return whether the table exists */
    boolean exists();

    /** Creates the table if it does not exist. */
    void create();

    /** @return the applied heads, sorted; empty when the table is missing or empty */
    List<RevisionId> heads();

    /** Applies one row change. */
    void apply(VersionChange change);

    /** Deletes every row ({@code stamp --purge}). */
    void clear();
}
