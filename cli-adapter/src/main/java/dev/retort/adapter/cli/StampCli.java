package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.StampCommand;
import dev.retort.core.application.port.in.StampUseCase;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "stamp", mixinStandardHelpOptions = true, description = "Set the version table to a revision without running migrations.",
        footer = {"", "Examples:", "  retort stamp head          mark an existing database as up to date", "  retort stamp --purge base  empty the version table"})
final class StampCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Parameters(index = "0", paramLabel = "REVISION", description = "Target: head, heads, base, an id or prefix.")
    String target;

    @Option(names = "--purge", description = "Delete every row of the version table first (also when it holds unknown revisions).")
    boolean purge;

    @Override
    public Integer call() {
        StampUseCase.StampResult r = root.get(StampUseCase.class).stamp(new StampCommand(target, purge));
        if (!root.quiet()) {
            root.io().err().println("Stamped the database at " + (r.headsAfter().isEmpty() ? "base" : Formats.ids(r.headsAfter()))
                    + " (was " + (r.headsBefore().isEmpty() ? "base" : Formats.ids(r.headsBefore())) + ")");
        }
        return RetortCli.OK;
    }
}
