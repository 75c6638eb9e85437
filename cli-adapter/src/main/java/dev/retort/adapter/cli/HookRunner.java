package dev.retort.adapter.cli;

import dev.retort.adapter.config.PostWriteHook;
import dev.retort.core.domain.RetortException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs retort.yaml's post-write hooks on a new revision file, in the project folder, in order. */
final class HookRunner {
    private static final long TIMEOUT_SECONDS = 120;
    /** The bare token; {@code $REVISION_SCRIPT_FILENAME} and {@code ${...}} stay environment references for the shell. */
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("(?<![$\\w{])" + PostWriteHook.TOKEN + "(?!\\w)");

    private HookRunner() {
    }

    /** @throws RetortException naming the hook when one fails; the file stays written */
    static void run(List<PostWriteHook> hooks, Path file, Path projectDir, CliIo io, boolean quiet) {
        for (PostWriteHook hook : hooks) {
            List<String> command = new ArrayList<>();
            String path = file.toString();
            if (hook.shell() != null) {
                command.add("sh");
                command.add("-c");
                command.add(TOKEN.matcher(hook.shell()).replaceAll(java.util.regex.Matcher.quoteReplacement("'" + path.replace("'", "'\\''") + "'")));
            } else {
                hook.argv().forEach(a -> command.add(TOKEN.matcher(a).replaceAll(java.util.regex.Matcher.quoteReplacement(path))));
            }
            ProcessBuilder pb = new ProcessBuilder(command).directory(projectDir.toFile()).redirectErrorStream(true);
            pb.environment().put(PostWriteHook.TOKEN, path);
            String output;
            int code;
            try {
                Process p = pb.start();
                output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new RetortException("post-write hook '" + hook.name() + "' did not finish in " + TIMEOUT_SECONDS
                            + " s; the revision file was written: " + file);
                }
                code = p.exitValue();
            } catch (IOException e) {
                throw new RetortException("post-write hook '" + hook.name() + "' could not start: " + e.getMessage()
                        + "; check its command in retort.yaml (the revision file was written: " + file + ")", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RetortException("post-write hook '" + hook.name() + "' was interrupted", e);
            }
            if (code != 0) {
                String first = output.isEmpty() ? "" : ": " + output.lines().findFirst().orElse("");
                throw new RetortException("post-write hook '" + hook.name() + "' failed with exit code " + code + first
                        + "; the revision file was written: " + file);
            }
            if (!quiet) {
                io.err().println("Running post-write hook '" + hook.name() + "' on " + file.getFileName() + " ...  done");
            }
        }
    }
}
