package dev.retort.core.application.port.in;

import java.time.Instant;
import java.util.List;

/** {@code retort history --applied}: what the history table recorded. */
public interface AppliedHistoryQuery {

    record Applied(long rank, String revision, String direction, String outcome, Instant startedAt, long durationMillis,
                   String checksum, String executedBy, String host, String statement, String message) {
    }

    List<Applied> applied();
}
