package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.MigrationResult;
import dev.retort.core.application.port.in.UpgradeCommand;
import dev.retort.core.application.port.in.UpgradeUseCase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "upgrade", mixinStandardHelpOptions = true, description = "Upgrade the database to a later revision.",
        footer = {"", "Examples:", "  retort upgrade head        apply every pending revision", "  retort upgrade +1          apply the next revision",
                "  retort upgrade heads       apply every branch"})
final class UpgradeCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Parameters(index = "0", paramLabel = "REVISION", defaultValue = "head",
            description = "Target: head (default), heads, an id or prefix, label@head, +N.")
    String target;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        MigrationResult r = root.get(UpgradeUseCase.class).upgrade(new UpgradeCommand(target));
        if (!r.applied().isEmpty() && !root.quiet()) {
            root.io().err().printf(java.util.Locale.ROOT, "Upgraded to %s (%d revision%s in %.2f s)%n", r.headsAfter().isEmpty() ? "base" : Formats.ids(r.headsAfter()),
                    r.applied().size(), r.applied().size() == 1 ? "" : "s", (System.nanoTime() - start) / 1e9);
        }
        return RetortCli.OK;
    }
}
