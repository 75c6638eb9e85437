package dev.retort.core.application.port.out;

import java.util.List;

/**
 * The history table ({@code retort_history}): one row per applied step, kept beside the
 * Alembic-style version table. Runs on the dialect's connection, inside whatever transaction is
 * open, so a step's row commits with the step on databases with transactional DDL.
 */
public interface HistoryStore {

    /** @return whether the table exists */
    boolean exists();

    /** Creates the table if it does not exist. */
    void create();

    /** @return every row, oldest first; empty when the table is missing */
    List<HistoryEntry> entries();

    /**
     * Appends a row; {@link HistoryEntry#rank()} is ignored and assigned as the next rank (one
     * more than the largest in the table), in the same statement as the insert: a migration
     * writes a row per revision, and a round trip per row shows at thousands of revisions.
     */
    void append(HistoryEntry entry);
}
