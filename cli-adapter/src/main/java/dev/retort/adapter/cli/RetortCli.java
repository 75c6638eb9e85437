package dev.retort.adapter.cli;

import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Builds the picocli command tree and maps errors to one-line messages and exit codes. */
public final class RetortCli {
    public static final int OK = 0;
    public static final int USER_ERROR = 1;
    public static final int DATABASE_ERROR = 2;

    private RetortCli() {
    }

    public static int run(CliIo io, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // What picocli prints, without building the command tree: start-up is most of --version.
            io.out().println("retort " + VersionProvider.version());
            io.flush();
            return OK;
        }
        RetortCommand root = new RetortCommand(io);
        CommandLine cmd = new CommandLine(root);
        String named = subcommandIn(args);
        boolean one = named != null && RetortCommand.SUBCOMMANDS.containsKey(named) && !named.equals("completion");
        for (var e : RetortCommand.SUBCOMMANDS.entrySet()) {
            if (!one || e.getKey().equals(named)) {
                cmd.addSubcommand(e.getKey(), e.getValue());
            }
        }
        cmd.setOut(io.out());
        cmd.setErr(io.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(io.style().enabled() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF));
        cmd.setParameterExceptionHandler((ex, params) -> {
            CommandLine c = ex.getCommandLine();
            io.err().println(io.style().red("error:") + " " + Secrets.mask(ex.getMessage()));
            io.err().println("Try '" + c.getCommandSpec().qualifiedName() + " --help' for more information.");
            return USER_ERROR;
        });
        cmd.setExecutionExceptionHandler((ex, c, parseResult) -> report(io, root, ex));
        int code = cmd.execute(args);
        io.flush();
        return code;
    }

    /**
     * The first argument that is not an option of the root command (or an option's value), or
     * null when there is none. A guess is enough: when it names no subcommand, all are registered
     * and picocli reports the command line as before.
     */
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

    static int report(CliIo io, RetortCommand root, Exception ex) {
        java.util.List<String> passwords = new java.util.ArrayList<>();
        passwords.add(root.passwordForMasking());
        passwords.addAll(root.passwordsForMasking());
        passwords.add(io.env().get("RETORT_PASSWORD"));
        passwords.addAll(Secrets.passwordsIn(root.url));
        passwords.addAll(Secrets.passwordsIn(io.env().get("RETORT_URL")));
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        int code;
        if (ex instanceof DatabaseException) {
            code = DATABASE_ERROR;
        } else if (ex instanceof RetortException || ex instanceof IllegalArgumentException) {
            code = USER_ERROR;
        } else {
            code = DATABASE_ERROR;
            message = "internal error: " + ex + " (please report it; rerun with --verbose for the stack trace)";
        }
        io.err().println(io.style().red("error:") + " " + Secrets.maskAll(message, passwords));
        if (root.verbose()) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            io.err().println(Secrets.maskAll(trace.toString(), passwords));
        }
        return code;
    }
}
