package dev.retort.adapter.cli;

import java.nio.file.Path;

/** Entry point of the fat jar and the {@code ./retort} launcher. */
public final class RetortMain {
    private RetortMain() {
    }

    public static void main(String[] args) {
        SilentLogging.install();
        // A CLI run builds one small injector and exits: Guice's class generation (ASM) and the
        // stack trace it records for every binding's source cost more than they give here.
        System.setProperty("guice_bytecode_gen_option", System.getProperty("guice_bytecode_gen_option", "DISABLED"));
        System.setProperty("guice_include_stack_traces", System.getProperty("guice_include_stack_traces", "OFF"));
        CliIo io = CliIo.system(Path.of("").toAbsolutePath(), System.getenv());
        int code = RetortCli.run(io, args);
        io.flush();
        System.exit(code);
    }
}
