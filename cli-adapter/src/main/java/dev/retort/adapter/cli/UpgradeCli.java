package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.MigrationResult;
import dev.retort.core.application.port.in.UpgradeCommand;
import dev.retort.core.application.port.in.UpgradeUseCase;
import dev.retort.core.domain.revision.Direction;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    OfflineOptions offline;

    @Override
    public Integer call() {
        if (offline.printScript(root, Direction.UPGRADE, target)) {
            return RetortCli.OK;
        }
        long start = System.nanoTime();
        MigrationResult r = root.get(UpgradeUseCase.class).upgrade(new UpgradeCommand(target));
        OfflineOptions.reportDone(root, "Upgraded", r, start);
        return RetortCli.OK;
    }
}
