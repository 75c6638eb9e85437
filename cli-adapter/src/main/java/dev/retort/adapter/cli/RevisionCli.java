package dev.retort.adapter.cli;

import dev.retort.adapter.config.RetortSettings;
import dev.retort.core.application.port.in.CreateRevisionCommand;
import dev.retort.core.application.port.in.CreateRevisionResult;
import dev.retort.core.application.port.in.CreateRevisionUseCase;
import dev.retort.core.application.port.in.Renames;
import dev.retort.core.domain.operation.Operation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "revision", mixinStandardHelpOptions = true, description = "Create a new revision file.",
        footer = {"", "Examples:", "  retort revision -m \"add invoice\"                 an empty revision to fill in",
                "  retort revision --autogenerate -m \"add invoice\"  compare schema.yaml with the database",
                "  retort revision --autogenerate -m \"rename\" --rename invoice.total=amount",
                "  retort revision -m \"reports\" --head base --branch-label reports"})
final class RevisionCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "What the revision does.")
    String message;

    @Option(names = "--autogenerate", description = "Fill the revision by comparing target_metadata with the database.")
    boolean autogenerate;

    @Option(names = "--head", paramLabel = "REVISION", description = "Revision to build on: head (default), a revision, label@head, or base for a new root.")
    String head;

    @Option(names = "--splice", description = "Allow --head to name a revision that is not a head (starts a branch).")
    boolean splice;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "Branch label for the new revision (repeatable).")
    List<String> branchLabels = new ArrayList<>();

    @Option(names = "--depends-on", paramLabel = "REVISION", description = "Revision or label this one depends on (repeatable).")
    List<String> dependsOn = new ArrayList<>();

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of a generated one.")
    String revId;

    @Option(names = "--rename", paramLabel = "OLD=NEW",
            description = "With --autogenerate: write a rename instead of drop + add. old_table=new_table or table.old_column=new_column (repeatable).")
    List<String> renames = new ArrayList<>();

    @Override
    public Integer call() {
        CreateRevisionResult r = root.get(CreateRevisionUseCase.class)
                .create(new CreateRevisionCommand(message, autogenerate, head, splice, branchLabels, dependsOn, revId, Renames.parse(renames)));
        CliIo io = root.io();
        if (r.noChanges()) {
            for (String w : r.warnings()) {
                io.err().println("warning: " + w);
            }
            if (!root.quiet()) {
                io.err().println("No changes detected");
            }
            return RetortCli.OK;
        }
        if (!root.quiet()) {
            for (Operation op : r.revision().upgrade()) {
                io.err().println("Detected " + op.describe());
            }
        }
        for (String w : r.warnings()) {
            io.err().println("warning: " + w);
        }
        io.out().println("Generating " + r.path() + " ...  done");
        RetortSettings settings = root.get(RetortSettings.class);
        HookRunner.run(settings.hooks(), io.workDir().resolve(r.path()).normalize(), settings.projectDir(), io, root.quiet());
        return RetortCli.OK;
    }
}
