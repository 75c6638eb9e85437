package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.DowngradeCommand;
import dev.retort.core.application.port.in.DowngradeUseCase;
import dev.retort.core.application.port.in.MigrationResult;
import dev.retort.core.domain.revision.Direction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    OfflineOptions offline;

    @Override
    public Integer call() {
        if (offline.printScript(root, Direction.DOWNGRADE, target)) {
            return RetortCli.OK;
        }
        long start = System.nanoTime();
        MigrationResult r = root.get(DowngradeUseCase.class).downgrade(new DowngradeCommand(target));
        OfflineOptions.reportDone(root, "Downgraded", r, start);
        return RetortCli.OK;
    }
}
