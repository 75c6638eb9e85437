package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.CheckUseCase;
import dev.retort.core.domain.operation.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Compare the model (target_metadata) with a database at head; exit 1 when autogenerate would write operations.",
        footer = {"", "Examples:", "  retort check                 one line per pending operation",
                "  retort check --format json   the same as data, for CI"})
final class CheckCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    OutputFormat format;

    @Override
    public Integer call() {
        CheckUseCase.CheckResult r = root.get(CheckUseCase.class).check();
        CliIo io = root.io();
        if (root.verbose()) {
            io.err().printf(java.util.Locale.ROOT, "Inspected %d table%s in %.3f s; compared with the model in %.3f s%n", r.timing().tables(),
                    r.timing().tables() == 1 ? "" : "s",
                    r.timing().inspection().toNanos() / 1e9, r.timing().diff().toNanos() / 1e9);
        }
        if (format == OutputFormat.JSON) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("clean", r.clean());
            m.put("heads", r.heads().stream().map(Object::toString).toList());
            m.put("pending", r.pending().stream().map(Json::operation).toList());
            m.put("destructive", r.destructive());
            m.put("hints", r.hints());
            io.out().println(Json.write(m));
        } else {
            for (Operation op : r.pending()) {
                io.out().println(op.describe());
            }
            for (String d : r.destructive()) {
                io.err().println("warning: destructive: " + d);
            }
            for (String h : r.hints()) {
                io.err().println("hint: " + h);
            }
            if (!root.quiet()) {
                io.err().println(r.clean() ? "No changes detected: the database matches the model"
                        : r.pending().size() + " pending operation" + (r.pending().size() == 1 ? "" : "s")
                                + "; run `retort revision --autogenerate -m \"...\"` to write them");
            }
        }
        return r.clean() ? RetortCli.OK : RetortCli.USER_ERROR;
    }
}
