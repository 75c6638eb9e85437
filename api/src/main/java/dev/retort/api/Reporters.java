package dev.retort.api;

import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.domain.revision.Direction;
import dev.retort.core.domain.revision.MigrationStep;
import java.lang.System.Logger.Level;
import java.time.Duration;

/** Ready-made {@link Reporter}s for {@link RetortBuilder#reporter(Reporter)}. */
public final class Reporters {
    private Reporters() {
    }

    /** Hears nothing. */
    public static Reporter silent() {
        return new Reporter() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void stepStarting(int index, int total, MigrationStep step) {
            }

            @Override
            public void stepFinished(int index, int total, MigrationStep step, Duration took) {
            }
        };
    }

    /**
     * Writes to the {@link System.Logger} named {@code dev.retort} (which reaches SLF4J, Log4j or
     * java.util.logging through the application's usual bridge): notices at INFO, warnings at
     * WARNING, one INFO line per revision ({@code Running upgrade a1 -> b2, add invoice}). The default.
     */
    public static Reporter systemLogger() {
        return new SystemLoggerReporter(System.getLogger("dev.retort"));
    }

    private record SystemLoggerReporter(System.Logger log) implements Reporter {
        @Override
        public void info(String message) {
            log.log(Level.INFO, message);
        }

        @Override
        public void warn(String message) {
            log.log(Level.WARNING, message);
        }

        @Override
        public void stepStarting(int index, int total, MigrationStep step) {
            String verb = step.direction() == Direction.UPGRADE ? "upgrade" : "downgrade";
            log.log(Level.INFO, "Running " + verb + " " + step.describe() + (total > 1 ? " [" + index + "/" + total + "]" : ""));
        }

        @Override
        public void stepFinished(int index, int total, MigrationStep step, Duration took) {
            log.log(Level.DEBUG, () -> "Finished " + step.describe() + " in " + took.toMillis() + " ms");
        }
    }
}
