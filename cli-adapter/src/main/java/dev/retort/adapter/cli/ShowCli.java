package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.application.port.in.RevisionQueries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a revision in detail.",
        footer = {"", "Examples:", "  retort show head", "  retort show ae10"})
final class ShowCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Parameters(index = "0", paramLabel = "REVISION", description = "An id or prefix, a label, head, heads, label@head.")
    String reference;

    @Override
    public Integer call() {
        for (RevisionInfo info : root.get(RevisionQueries.class).show(reference)) {
            root.io().out().println(Formats.verbose(info));
        }
        return RetortCli.OK;
    }
}
