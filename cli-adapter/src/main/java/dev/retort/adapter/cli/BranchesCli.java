package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.application.port.in.RevisionQueries;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "branches", mixinStandardHelpOptions = true, description = "Show branch points: revisions with several children.",
        footer = {"", "Example:", "  retort branches"})
final class BranchesCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        RevisionQueries queries = root.get(RevisionQueries.class);
        if (format == OutputFormat.JSON) {
            root.io().out().println(Json.revisions("branch_points", queries.branches()));
            return RetortCli.OK;
        }
        for (RevisionInfo info : queries.branches()) {
            root.io().out().println(Formats.line(info));
            for (var child : info.children()) {
                for (RevisionInfo c : queries.show(child.value())) {
                    root.io().out().println("    -> " + Formats.head(c) + (c.revision().message().isEmpty() ? "" : ", " + c.revision().message()));
                }
            }
        }
        return RetortCli.OK;
    }
}
