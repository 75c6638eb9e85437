package dev.retort.core.application.port.out;

import dev.retort.core.domain.revision.MigrationStep;
import java.time.Duration;

/** Progress and notices from long-running commands. Implementations must not throw. */
public interface Reporter {

    void info(String message);

    void warn(String message);

    /** Before a step runs; {@code index} counts from 1. */
    void stepStarting(int index, int total, MigrationStep step);

    void stepFinished(int index, int total, MigrationStep step, Duration took);
}
