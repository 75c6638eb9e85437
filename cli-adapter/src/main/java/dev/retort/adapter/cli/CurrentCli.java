package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.CurrentQuery;
import dev.retort.core.application.port.in.RevisionInfo;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "current", mixinStandardHelpOptions = true, description = "Show the revision(s) the database is at.",
        footer = {"", "Example:", "  retort current --verbose"})
final class CurrentCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        List<RevisionInfo> current = root.get(CurrentQuery.class).current();
        if (format == OutputFormat.JSON) {
            root.io().out().println(Json.revisions("current", current));
            return RetortCli.OK;
        }
        if (current.isEmpty() && !root.quiet()) {
            root.io().err().println("The database is at base: no revision applied.");
        }
        for (RevisionInfo info : current) {
            root.io().out().println(root.verbose() ? Formats.verbose(info) : Formats.head(info));
        }
        return RetortCli.OK;
    }
}
