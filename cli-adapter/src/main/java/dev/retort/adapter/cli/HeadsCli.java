package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.application.port.in.RevisionQueries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "heads", mixinStandardHelpOptions = true, description = "Show the head revisions of the scripts.",
        footer = {"", "Example:", "  retort heads --verbose"})
final class HeadsCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        java.util.List<RevisionInfo> heads = root.get(RevisionQueries.class).heads();
        if (format == OutputFormat.JSON) {
            root.io().out().println(Json.revisions("heads", heads));
            return RetortCli.OK;
        }
        for (RevisionInfo info : heads) {
            root.io().out().println(root.verbose() ? Formats.verbose(info) : Formats.head(info));
        }
        return RetortCli.OK;
    }
}
