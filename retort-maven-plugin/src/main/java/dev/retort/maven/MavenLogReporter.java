package dev.retort.maven;

import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.domain.revision.Direction;
import dev.retort.core.domain.revision.MigrationStep;
import java.time.Duration;
import java.util.Locale;
import org.apache.maven.plugin.logging.Log;

/** Retort's progress in the build log: the CLI's lines, at INFO. */
final class MavenLogReporter implements Reporter {
    private final Log log;

    MavenLogReporter(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void stepStarting(int index, int total, MigrationStep step) {
        String verb = step.direction() == Direction.UPGRADE ? "upgrade" : "downgrade";
        log.info("Running " + verb + " " + step.describe() + (total > 1 ? String.format(Locale.ROOT, "  [%d/%d]", index, total) : ""));
    }

    @Override
    public void stepFinished(int index, int total, MigrationStep step, Duration took) {
        if (log.isDebugEnabled()) {
            log.debug("Finished " + step.describe() + " in " + took.toMillis() + " ms");
        }
    }
}
