package dev.retort.adapter.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.Writer;
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

    /**
     * The process's stdout, buffered (history of 5,000 revisions is 5,000 lines: one write, not
     * 5,000), and stderr, unbuffered for progress, which first flushes stdout so that the two keep
     * their order on a terminal.
     */
    public static CliIo system(Path workDir, Map<String, String> env) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8),
                1 << 16), false);
        Writer stderr = new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws IOException {
                out.flush();
                stderr.write(buf, off, len);
            }

            @Override
            public void flush() throws IOException {
                stderr.flush();
            }

            @Override
            public void close() throws IOException {
                stderr.close();
            }
        }, true);
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
