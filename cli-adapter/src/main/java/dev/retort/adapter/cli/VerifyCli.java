package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.IntegrityUseCase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check every applied revision's file against the checksum recorded when it ran, and report failed steps; exit 1 on any.",
        footer = {"", "Examples:", "  retort verify", "  retort verify --format json"})
final class VerifyCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        IntegrityUseCase.VerifyReport r = root.get(IntegrityUseCase.class).verify();
        if (format == OutputFormat.JSON) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ok", r.ok());
            m.put("applied_with_checksums", r.applied());
            m.put("mismatches", r.mismatches());
            m.put("failed", r.dirty());
            root.io().out().println(Json.write(m));
        } else {
            r.mismatches().forEach(line -> root.io().out().println("changed: " + line));
            r.dirty().forEach(line -> root.io().out().println("failed: " + line));
            if (r.ok()) {
                root.io().out().println("All " + r.applied() + " applied revision" + (r.applied() == 1 ? "" : "s") + " match their files");
            } else {
                root.io().err().println("Restore the files, or after review run `retort repair --accept-checksums`; "
                        + "after fixing a failed step by hand run `retort repair`.");
            }
        }
        return r.ok() ? RetortCli.OK : RetortCli.USER_ERROR;
    }
}
