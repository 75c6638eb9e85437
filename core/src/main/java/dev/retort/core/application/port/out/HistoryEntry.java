package dev.retort.core.application.port.out;

import dev.retort.core.domain.revision.Direction;
import java.time.Instant;

/**
 * One row of the history table: an applied, failed, repaired or accepted step.
 *
 * @param rank      order of recording, from 1
 * @param checksum  {@link dev.retort.core.domain.revision.RevisionChecksum} of the revision when recorded
 * @param statement the failing statement for {@link Outcome#FAILED}, else null
 * @param message   the error for {@link Outcome#FAILED}, a note otherwise; may be null
 */
public record HistoryEntry(long rank, String revision, Direction direction, String checksum, Instant startedAt, Instant finishedAt,
                           long durationMillis, Outcome outcome, String statement, String message, String executedBy, String host) {

    public enum Outcome {
        /** The step ran and committed. */
        SUCCESS,
        /**
         * The step began on a database without transactional DDL; written before its first
         * statement, so a process killed mid-step leaves a trace that marks the database dirty.
         */
        STARTED,
        /** The step failed; on a database without transactional DDL it may be half applied. */
        FAILED,
        /** {@code retort repair} cleared a failure after the database was fixed by hand. */
        REPAIRED,
        /** {@code retort repair --accept-checksums} recorded a reviewed change to an applied revision. */
        ACCEPTED
    }
}
