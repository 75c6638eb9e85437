package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.DowngradeCommand;
import dev.retort.core.application.port.in.DowngradeUseCase;
import dev.retort.core.application.port.in.MigrationResult;
import dev.retort.core.application.port.in.SqlScriptUseCase;
import dev.retort.core.domain.revision.Direction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "downgrade", mixinStandardHelpOptions = true, description = "Revert the database to a previous revision.",
        footer = {"", "Examples:", "  retort downgrade -1        revert the last revision", "  retort downgrade base      revert everything",
                "  retort downgrade ae1027    revert the revisions after ae1027",
                "  retort downgrade head:base --sql   the revert script, offline"})
final class DowngradeCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Parameters(index = "0", paramLabel = "REVISION", description = "Target: base, -N, an id or prefix, label@base.")
    String target;

    @Option(names = "--sql", description = "Print the SQL script instead of running it (offline mode; no database needed). "
            + "REVISION may be a start:end range.")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "NAME", description = "With --sql: postgres, mysql or sqlite (default: the configured URL's dialect).")
    String dialect;

    @Override
    public Integer call() {
        if (sql) {
            root.io().out().print(root.get(SqlScriptUseCase.class).script(new SqlScriptUseCase.ScriptCommand(Direction.DOWNGRADE, target, dialect)));
            return RetortCli.OK;
        }
        if (dialect != null) {
            throw new IllegalArgumentException("--dialect only applies with --sql");
        }
        long start = System.nanoTime();
        MigrationResult r = root.get(DowngradeUseCase.class).downgrade(new DowngradeCommand(target));
        if (!r.applied().isEmpty() && !root.quiet()) {
            root.io().err().printf(java.util.Locale.ROOT, "Downgraded to %s (%d revision%s in %.2f s)%n", r.headsAfter().isEmpty() ? "base" : Formats.ids(r.headsAfter()),
                    r.applied().size(), r.applied().size() == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
        }
        return RetortCli.OK;
    }
}
