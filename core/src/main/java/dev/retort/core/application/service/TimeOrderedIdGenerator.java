package dev.retort.core.application.service;

import dev.retort.core.application.port.out.IdGenerator;
import dev.retort.core.domain.revision.RevisionId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;

/**
 * 12 lowercase hex characters: 10 for milliseconds since 2020-01-01 (enough until 2054), then 2
 * random ones. Ids sort by creation time, so revision files do too. Within one generator, ids
 * strictly increase even when the clock does not move.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {
    private static final long EPOCH_2020 = 1_577_836_800_000L;
    private final Clock clock;
    private final Random random;
    private long last = -1;

    public TimeOrderedIdGenerator(Clock clock) {
        this(clock, new SecureRandom());
    }

    TimeOrderedIdGenerator(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public synchronized RevisionId next() {
        long millis = Math.max(0, clock.millis() - EPOCH_2020);
        long value = (millis << 8) | random.nextInt(256);
        if (value <= last) {
            value = last + 1;
        }
        last = value;
        return RevisionId.of(String.format("%012x", value & 0xffff_ffff_ffffL));
    }
}
