import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The floor program of bench/startup-floor.sh: the least a picocli command-line tool on Java 17
 * must do for {@code heads}, {@code history} and {@code current}, built the way Retort's CLI is
 * (picocli annotations, a root command with inherited {@code -c/--config}, {@code --url},
 * {@code -q}, {@code -v}, only the named subcommand registered) and run on the same class path
 * (Retort's fat jar, for picocli and the JDBC drivers) with its own static AppCDS archive.
 *
 * <ul>
 * <li>{@code heads}, {@code history}: list {@code <config folder>/migrations/versions} (where
 * bench/lib/gen.py puts the revision files), read the attributes of every {@code *.yaml} entry and
 * print how many regular files there are. No file is opened: a lower bound for anything that must
 * know each revision's id and parents.</li>
 * <li>{@code current}: {@code DriverManager.getConnection(--url)}, {@code SELECT version_num FROM
 * retort_version}, print the rows. The revision graph is not read (Retort and Alembic read it to
 * mark the head): a lower bound.</li>
 * </ul>
 *
 * Standard library and picocli only; compiled with {@code javac --release 17}.
 */
@Command(name = "floor", mixinStandardHelpOptions = true, versionProvider = Floor.Version.class,
        description = "The least work of heads, history and current, for bench/startup-floor.sh.",
        synopsisSubcommandLabel = "COMMAND")
public final class Floor implements Callable<Integer> {
    static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("heads", Heads.class);
        SUBCOMMANDS.put("history", Heads.class);   // the same work: list + stat
        SUBCOMMANDS.put("current", Current.class);
    }

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default: retort.yaml in the working directory); "
                    + "the revisions are in migrations/versions beside it.")
    Path config;

    @Option(names = "--url", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT, description = "Database URL (current).")
    String url;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Accepted, as Retort's; changes nothing.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Accepted, as Retort's; changes nothing.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        CommandLine cmd = new CommandLine(new Floor());
        // As Retort's CLI: register only the subcommand the command line names (all for help).
        String named = subcommandIn(args);
        boolean one = named != null && SUBCOMMANDS.containsKey(named);
        for (Map.Entry<String, Class<?>> e : SUBCOMMANDS.entrySet()) {
            if (!one || e.getKey().equals(named)) {
                cmd.addSubcommand(e.getKey(), e.getValue());
            }
        }
        int code = cmd.execute(args);
        System.out.flush();
        System.exit(code);
    }

    static String subcommandIn(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return null;
            }
            if (a.startsWith("-")) {
                if (a.equals("-c") || a.equals("--config") || a.equals("--url")) {
                    i++;
                }
                continue;
            }
            return a;
        }
        return null;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 1;
    }

    Path versions() {
        Path c = config == null ? Path.of("retort.yaml") : config;
        Path folder = c.toAbsolutePath().normalize().getParent();
        return folder.resolve("migrations").resolve("versions");
    }

    /** Lists the folder and reads the attributes of each {@code *.yaml} entry; opens no file. */
    static int revisionFiles(Path folder) throws IOException {
        int count = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (p.getFileName().toString().endsWith(".yaml")
                        && Files.readAttributes(p, BasicFileAttributes.class).isRegularFile()) {
                    count++;
                }
            }
        }
        return count;
    }

    @Command(name = "heads", mixinStandardHelpOptions = true,
            description = "Print how many revision files there are (list + stat; reads none); also registered as history.")
    static final class Heads implements Callable<Integer> {
        @ParentCommand
        Floor root;

        @Override
        public Integer call() throws IOException {
            System.out.println(revisionFiles(root.versions()));
            return 0;
        }
    }

    @Command(name = "current", mixinStandardHelpOptions = true,
            description = "Connect to --url and print the rows of retort_version.")
    static final class Current implements Callable<Integer> {
        @ParentCommand
        Floor root;

        @Override
        public Integer call() throws SQLException {
            if (root.url == null) {
                System.err.println("error: current needs --url");
                return 1;
            }
            try (Connection c = DriverManager.getConnection(root.url);
                    Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT version_num FROM retort_version")) {
                while (rs.next()) {
                    System.out.println(rs.getString(1));
                }
            }
            return 0;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"floor (picocli " + CommandLine.VERSION + ", Java " + System.getProperty("java.version") + ")"};
        }
    }
}
