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
        io.err().println("warning: " + message);
    }

    @Override
    public void stepStarting(int index, int total, MigrationStep step) {
        if (!quiet) {
            String verb = step.direction() == Direction.UPGRADE ? "upgrade" : "downgrade";
            io.err().printf(Locale.ROOT, "Running %s %s%s%n", verb, step.describe(), total > 1 ? "  [" + index + "/" + total + "]" : "");
        }
    }

    @Override
    public void stepFinished(int index, int total, MigrationStep step, Duration took) {
    }
}
