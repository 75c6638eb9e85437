package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.IntegrityUseCase;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "After a failed step was fixed by hand, clear it so upgrades run again; with --accept-checksums, record the "
                + "current checksums of reviewed changes to applied revisions.",
        footer = {"", "Examples:", "  retort repair", "  retort repair --accept-checksums"})
final class RepairCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Option(names = "--accept-checksums", description = "Record the current checksum of every changed applied revision.")
    boolean acceptChecksums;

    @Override
    public Integer call() {
        List<String> done = root.get(IntegrityUseCase.class).repair(acceptChecksums);
        if (done.isEmpty()) {
            root.io().out().println("Nothing to repair");
        }
        done.forEach(line -> root.io().out().println(line));
        return RetortCli.OK;
    }
}
