package dev.retort.adapter.cli;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import dev.retort.api.RetortModule;
import dev.retort.core.application.port.in.CurrentQuery;
import dev.retort.core.application.port.in.RevisionQueries;
import dev.retort.core.application.service.RevisionQueryService;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

@Command(name = "retort", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Database schema migrations for the JVM, with Alembic's workflow.",
        synopsisSubcommandLabel = "COMMAND",
        footer = {"", "Exit codes: 0 ok, 1 user error (bad input, graph problem), 2 database error.",
                "Run 'retort COMMAND --help' for a command's options."})
public final class RetortCommand implements Callable<Integer> {
    /**
     * The subcommands by name, in help order. {@link RetortCli} registers only the one a command
     * line names (picocli reflects over every registered class at start-up), all of them for
     * help, completion and unknown names.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("init", InitCli.class);
        m.put("revision", RevisionCli.class);
        m.put("upgrade", UpgradeCli.class);
        m.put("downgrade", DowngradeCli.class);
        m.put("current", CurrentCli.class);
        m.put("history", HistoryCli.class);
        m.put("heads", HeadsCli.class);
        m.put("branches", BranchesCli.class);
        m.put("show", ShowCli.class);
        m.put("stamp", StampCli.class);
        m.put("merge", MergeCli.class);
        m.put("check", CheckCli.class);
        m.put("graph", GraphCli.class);
        m.put("verify", VerifyCli.class);
        m.put("repair", RepairCli.class);
        m.put("test", TestCli.class);
        m.put("completion", CompletionCli.class);
        return Collections.unmodifiableMap(m);
    }

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default: retort.yaml in the working directory).")
    Path config;

    @Option(names = "--url", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "Database URL; overrides RETORT_URL and the file's url.")
    String url;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Print only errors and requested data.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More detail: full revision details in current/heads/history, stack traces with errors.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    private final CliIo io;
    private Injector injector;
    private CliModule module;
    private RevisionQueryService queries;

    RetortCommand(CliIo io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(io.err());
        return RetortCli.USER_ERROR;
    }

    CliIo io() {
        return io;
    }

    boolean verbose() {
        return verbose;
    }

    boolean quiet() {
        return quiet;
    }

    Path configFile() {
        Path c = config == null ? Path.of("retort.yaml") : config;
        return io.workDir().resolve(c).normalize();
    }

    /**
     * The assembled application; built on first use so {@code --help} and {@code init} never load a
     * config. The read-only queries (heads, history, branches, show, current) come without an
     * injector while none has been built: the same objects, a tenth of a second sooner.
     */
    <T> T get(Class<T> type) {
        if (module == null) {
            module = new CliModule(io, configFile(), url, quiet);
        }
        if (injector == null && (type == RevisionQueries.class || type == CurrentQuery.class)) {
            if (queries == null) {
                queries = module.revisionQueries();
            }
            return type.cast(queries);
        }
        if (injector == null) {
            injector = Guice.createInjector(Stage.DEVELOPMENT, module);
        }
        return RetortModule.get(injector, type);
    }

    /** The configured password, if one was loaded, so error output can mask it. */
    String passwordForMasking() {
        return module == null ? null : module.loadedPassword();
    }

    /** Every password the loaded settings carry, for masking. */
    java.util.List<String> passwordsForMasking() {
        return module == null ? java.util.List.of() : module.loadedPasswords();
    }
}
