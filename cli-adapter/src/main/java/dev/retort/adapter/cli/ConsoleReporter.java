package dev.retort.adapter.cli;

import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.domain.revision.Direction;
import dev.retort.core.domain.revision.MigrationStep;
import java.time.Duration;
import java.util.Locale;

/** Progress on stderr (Alembic prints its "Running upgrade" lines there too); silent with -q. */
final class ConsoleReporter implements Reporter {
    private final CliIo io;
    private final boolean quiet;
    private long started = System.nanoTime();

    ConsoleReporter(CliIo io, boolean quiet) {
        this.io = io;
        this.quiet = quiet;
    }

    @Override
    public void info(String message) {
        if (!quiet) {
            io.err().println(message);
        }
    }

    @Override
    public void warn(String message) {
        io.err().println(io.style().yellow("warning:") + " " + message);
    }

    /** One line per revision; on runs of several, its position and the time since the first started. */
    @Override
    public void stepStarting(int index, int total, MigrationStep step) {
        if (index == 1) {
            started = System.nanoTime();
        }
        if (!quiet) {
            String verb = step.direction() == Direction.UPGRADE ? "upgrade" : "downgrade";
            String progress = total > 1
                    ? String.format(Locale.ROOT, "  [%d/%d, %.1f s]", index, total, (System.nanoTime() - started) / 1e9) : "";
            io.err().printf(Locale.ROOT, "Running %s %s%s%n", verb, step.describe(), io.style().dim(progress));
        }
    }

    @Override
    public void stepFinished(int index, int total, MigrationStep step, Duration took) {
    }
}
