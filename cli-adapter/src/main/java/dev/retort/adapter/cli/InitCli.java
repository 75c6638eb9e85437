package dev.retort.adapter.cli;

import dev.retort.adapter.config.ProjectInitializer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a migration environment: retort.yaml, the versions/ folder and a schema.yaml stub.",
        footer = {"", "Example:", "  retort init app/models/migrations"})
final class InitCli implements Callable<Integer> {
    @ParentCommand
    RetortCommand root;

    @Parameters(index = "0", paramLabel = "DIRECTORY", description = "Where revision files will live, e.g. app/models/migrations.")
    String directory;

    @Override
    public Integer call() {
        Path config = root.configFile();
        List<Path> created = new ProjectInitializer().init(root.io().workDir(), directory, config);
        if (!root.quiet()) {
            for (Path p : created) {
                root.io().err().println("Creating " + display(p) + " ...  done");
            }
            root.io().err().println("Please edit " + display(config) + " (url, target_metadata) and the schema file before `retort revision --autogenerate`.");
        }
        return RetortCli.OK;
    }

    private String display(Path p) {
        Path wd = root.io().workDir();
        return p.startsWith(wd) ? wd.relativize(p).toString() : p.toString();
    }
}
