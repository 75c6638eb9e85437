package dev.retort.adapter.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a CLI run reads and writes: working directory, environment, stdout and stderr. Tests pass
 * their own, so the real CLI runs in-process against real files.
 */
public record CliIo(Path workDir, Map<String, String> env, PrintWriter out, PrintWriter err, boolean terminal) {

    public static CliIo system(Path workDir, Map<String, String> env) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        return new CliIo(workDir, Map.copyOf(env), out, err, System.console() != null);
    }

    /** An in-memory CLI run; read the buffers after it. */
    public static CliIo capture(Path workDir, Map<String, String> env, StringWriter out, StringWriter err) {
        return new CliIo(workDir, Map.copyOf(env), new PrintWriter(out, true), new PrintWriter(err, true), false);
    }

    /** Colour for this run's terminal and environment. */
    Style style() {
        return Style.detect(env, terminal);
    }

    public void flush() {
        out.flush();
        err.flush();
    }
}
