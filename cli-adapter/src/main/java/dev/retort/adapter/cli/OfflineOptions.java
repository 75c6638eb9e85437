package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.MigrationResult;
import dev.retort.core.application.port.in.SqlScriptUseCase;
import dev.retort.core.domain.revision.Direction;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --sql} and {@code --dialect}, shared by upgrade and downgrade, and their result line. */
final class OfflineOptions {
    @Option(names = "--sql", description = "Print the SQL script instead of running it (offline mode; no database needed). "
            + "REVISION may be a start:end range.")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "NAME", description = "With --sql: postgres, mysql or sqlite (default: the configured URL's dialect).")
    String dialect;

    /**
     * Prints the offline script when {@code --sql} was given.
     *
     * @return whether it did, so the caller does not also run online
     */
    boolean printScript(RetortCommand root, Direction direction, String target) {
        if (sql) {
            root.io().out().print(root.get(SqlScriptUseCase.class).script(new SqlScriptUseCase.ScriptCommand(direction, target, dialect)));
            return true;
        }
        if (dialect != null) {
            throw new IllegalArgumentException("--dialect only applies with --sql");
        }
        return false;
    }

    /** {@code Upgraded to ae10 (3 revisions in 0.41 s)} on stderr, unless nothing ran or -q. */
    static void reportDone(RetortCommand root, String verb, MigrationResult r, long startNanos) {
        if (!r.applied().isEmpty() && !root.quiet()) {
            root.io().err().printf(Locale.ROOT, "%s to %s (%d revision%s in %.2f s)%n", verb,
                    r.headsAfter().isEmpty() ? "base" : Formats.ids(r.headsAfter()), r.applied().size(), r.applied().size() == 1 ? "" : "s",
                    (System.nanoTime() - startNanos) / 1e9);
        }
    }
}
