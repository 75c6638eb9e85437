package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.MigrationResult;
import dev.retort.core.application.port.in.UpgradeCommand;
import dev.retort.core.application.port.in.UpgradeUseCase;
import dev.retort.core.application.port.in.SqlScriptUseCase;
import dev.retort.core.domain.revision.Direction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "upgrade", mixinStandardHelpOptions = true, description = "Upgrade the database to a later revision.",
        footer = {"", "Examples:", "  retort upgrade head        apply every pending revision", "  retort upgrade +1          apply the next revision",
                "  retort upgrade heads       apply every branch",
                "  retort upgrade head --sql --dialect postgres > upgrade.sql   a script for a DBA, no database needed",
                "  retort upgrade ae10:head --sql                               from ae10 onwards"})
final class UpgradeCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Parameters(index = "0", paramLabel = "REVISION", defaultValue = "head",
            description = "Target: head (default), heads, an id or prefix, label@head, +N.")
    String target;

    @Option(names = "--sql", description = "Print the SQL script instead of running it (offline mode; no database needed). "
            + "REVISION may be a start:end range.")
    boolean sql;

    @Option(names = "--dialect", paramLabel = "NAME", description = "With --sql: postgres, mysql or sqlite (default: the configured URL's dialect).")
    String dialect;

    @Override
    public Integer call() {
        if (sql) {
            root.io().out().print(root.get(SqlScriptUseCase.class).script(new SqlScriptUseCase.ScriptCommand(Direction.UPGRADE, target, dialect)));
            return RetortCli.OK;
        }
        if (dialect != null) {
            throw new IllegalArgumentException("--dialect only applies with --sql");
        }
        long start = System.nanoTime();
        MigrationResult r = root.get(UpgradeUseCase.class).upgrade(new UpgradeCommand(target));
        if (!r.applied().isEmpty() && !root.quiet()) {
            root.io().err().printf(java.util.Locale.ROOT, "Upgraded to %s (%d revision%s in %.2f s)%n", r.headsAfter().isEmpty() ? "base" : Formats.ids(r.headsAfter()),
                    r.applied().size(), r.applied().size() == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
        }
        return RetortCli.OK;
    }
}
