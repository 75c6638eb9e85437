package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.application.port.in.RevisionQueries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", mixinStandardHelpOptions = true, description = "List revisions, newest first.",
        footer = {"", "Examples:", "  retort history -r base:head", "  retort history -r ae10:", "  retort history -r -3:current --verbose"})
final class HistoryCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Option(names = {"-r", "--rev-range"}, paramLabel = "START:END", description = "Range, e.g. base:head, ae10:, :head, -2:current.")
    String range;

    @Override
    public Integer call() {
        java.util.List<RevisionInfo> history = root.get(RevisionQueries.class).history(range);
        if (format == OutputFormat.JSON) {
            root.io().out().println(Json.revisions("revisions", history));
            return RetortCli.OK;
        }
        for (RevisionInfo info : history) {
            root.io().out().println(root.verbose() ? Formats.verbose(info) : Formats.line(info));
        }
        return RetortCli.OK;
    }
}
