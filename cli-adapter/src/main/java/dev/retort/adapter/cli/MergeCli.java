package dev.retort.adapter.cli;

import dev.retort.adapter.config.RetortSettings;
import dev.retort.core.application.port.in.CreateRevisionResult;
import dev.retort.core.application.port.in.MergeCommand;
import dev.retort.core.application.port.in.MergeUseCase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "merge", mixinStandardHelpOptions = true, description = "Create a revision that merges two or more revisions.",
        footer = {"", "Examples:", "  retort merge heads -m \"merge branches\"", "  retort merge ae10 27c6 -m \"merge\""})
final class MergeCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Parameters(paramLabel = "REVISION", arity = "0..*", description = "Revisions to merge (default: heads).")
    List<String> revisions = new ArrayList<>();

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT", description = "What the merge is.")
    String message;

    @Option(names = "--branch-label", paramLabel = "LABEL", description = "Branch label for the merge revision.")
    String branchLabel;

    @Option(names = "--rev-id", paramLabel = "ID", description = "Use this id instead of a generated one.")
    String revId;

    @Override
    public Integer call() {
        CreateRevisionResult r = root.get(MergeUseCase.class).merge(new MergeCommand(revisions, message, branchLabel, revId));
        root.io().out().println("Generating " + r.path() + " ...  done");
        RetortSettings settings = root.get(RetortSettings.class);
        HookRunner.run(settings.hooks(), root.io().workDir().resolve(r.path()).normalize(), settings.projectDir(), root.io(), root.quiet());
        return RetortCli.OK;
    }
}
