package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.application.port.in.RevisionQueries;
import dev.retort.adapter.config.SchemaYaml;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a revision in detail.",
        footer = {"", "Examples:", "  retort show head", "  retort show ae10", "  retort show head --schema    the schema the revisions build"})
final class ShowCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Parameters(index = "0", paramLabel = "REVISION", description = "An id or prefix, a label, head, heads, label@head.")
    String reference;

    @Option(names = "--schema", description = "Print the schema at the revision (replayed from base, no database) in schema.yaml form.")
    boolean schema;

    @Override
    public Integer call() {
        if (schema) {
            RevisionQueries.SchemaAt at = root.get(RevisionQueries.class).schemaAt(reference);
            root.io().out().println("# schema at " + (at.revisions().isEmpty() ? "base" : Formats.ids(at.revisions())));
            at.unknownTables().forEach((table, rev) -> root.io().out().println("# table " + table
                    + ": changed by raw sql in revision " + rev + "; its definition here may be incomplete"));
            root.io().out().print(SchemaYaml.render(at.schema()));
            return RetortCli.OK;
        }
        java.util.List<RevisionInfo> shown = root.get(RevisionQueries.class).show(reference);
        if (format == OutputFormat.JSON) {
            root.io().out().println(Json.revisions("revisions", shown));
            return RetortCli.OK;
        }
        for (RevisionInfo info : shown) {
            root.io().out().println(Formats.verbose(info));
        }
        return RetortCli.OK;
    }
}
