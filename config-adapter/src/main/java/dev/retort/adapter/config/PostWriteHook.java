package dev.retort.adapter.config;

import java.util.List;

/**
 * A command run on each new revision file (Alembic's post_write_hooks), from {@code hooks:} in
 * retort.yaml. The token {@code REVISION_SCRIPT_FILENAME} in the command is replaced by the file's
 * path, which is also in the environment variable of the same name.
 *
 * @param name    for messages; defaults to the command's first word
 * @param shell   a command line run by {@code sh -c}, or null
 * @param argv    a command and its arguments run without a shell, or empty
 */
public record PostWriteHook(String name, String shell, List<String> argv) {
    public static final String TOKEN = "REVISION_SCRIPT_FILENAME";

    public PostWriteHook {
        argv = argv == null ? List.of() : List.copyOf(argv);
        if ((shell == null || shell.isBlank()) == argv.isEmpty()) {
            throw new IllegalArgumentException("a hook needs a command: a string (run by sh -c) or a list (run directly)");
        }
        if (name == null || name.isBlank()) {
            name = shell != null ? shell.strip().split("\\s+")[0] : argv.get(0);
        }
    }
}
