package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.application.port.in.RevisionQueries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "heads", mixinStandardHelpOptions = true, description = "Show the head revisions of the scripts.",
        footer = {"", "Example:", "  retort heads --verbose"})
final class HeadsCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Override
    public Integer call() {
        for (RevisionInfo info : root.get(RevisionQueries.class).heads()) {
            root.io().out().println(root.verbose() ? Formats.verbose(info) : Formats.head(info));
        }
        return RetortCli.OK;
    }
}
