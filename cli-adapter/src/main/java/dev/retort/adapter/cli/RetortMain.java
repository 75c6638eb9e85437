package dev.retort.adapter.cli;

import java.nio.file.Path;

/** Entry point of the fat jar and the {@code ./retort} launcher. */
public final class RetortMain {
    private RetortMain() {
    }

    public static void main(String[] args) {
        SilentLogging.install();
        CliIo io = CliIo.system(Path.of("").toAbsolutePath(), System.getenv());
        int code = RetortCli.run(io, args);
        io.flush();
        System.exit(code);
    }
}
