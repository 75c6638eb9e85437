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
        RetortCommand root = new RetortCommand(io);
        CommandLine cmd = new CommandLine(root);
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
