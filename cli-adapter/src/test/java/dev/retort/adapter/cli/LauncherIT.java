package dev.retort.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, as a user runs it: the {@code ./retort} launcher on the packaged
 * fat jar, driven by {@code examples/quickstart/run.sh}, in separate processes.
 */
class LauncherIT {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Result(int code, String output) {
    }

    static Result exec(Path workDir, String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().remove("DATABASE_URL");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished in time");
        return new Result(p.exitValue(), out);
    }

    @Test
    void quickstart_script_runs_the_whole_flow() throws Exception {
        Path work = dir.resolve("work");
        Result r = exec(ROOT, "bash", ROOT.resolve("examples/quickstart/run.sh").toString(), work.toString());
        assertEquals(0, r.code(), r.output());
        assertTrue(r.output().contains("Running upgrade  -> "), r.output());
        assertTrue(r.output().contains("No changes detected"), r.output());
        assertTrue(r.output().contains("Downgraded to base"), r.output());
        assertTrue(r.output().contains("The database is at base"), r.output());
        assertTrue(Files.exists(work.resolve("app.db")));
    }

    @Test
    void launcher_reports_errors_with_exit_codes() throws Exception {
        String retort = ROOT.resolve("retort").toString();
        Result version = exec(dir, retort, "--version");
        assertEquals(0, version.code(), version.output());
        assertTrue(version.output().startsWith("retort "), version.output());

        Result noConfig = exec(dir, retort, "heads");
        assertEquals(1, noConfig.code(), noConfig.output());
        assertTrue(noConfig.output().startsWith("error: ") && noConfig.output().contains("retort.yaml"), noConfig.output());

        assertEquals(0, exec(dir, retort, "init", "migrations").code());
        Result down = exec(dir, retort, "--url", "jdbc:postgresql://u:pw-never-shown@127.0.0.1:1/x", "current");
        assertEquals(2, down.code(), down.output());
        assertTrue(!down.output().contains("pw-never-shown"), down.output());
        // a '/' in the password: the PostgreSQL driver's own warning would quote the raw URL
        Result slash = exec(dir, retort, "--url", "jdbc:postgresql://u:pw-never/shown@127.0.0.1:1/x", "current");
        assertEquals(2, slash.code(), slash.output());
        assertTrue(!slash.output().contains("pw-never") && !slash.output().contains("WARNING"), slash.output());
        assertEquals(1, slash.output().strip().lines().count(), "one line: " + slash.output());
    }

    @Test
    void sqlite_native_library_is_copied_once_beside_the_jar_and_a_broken_copy_is_survived() throws Exception {
        String retort = ROOT.resolve("retort").toString();
        assertEquals(0, exec(dir, retort, "init", "migrations").code());
        assertEquals(0, exec(dir, retort, "stamp", "base").code(), "creates app.db: current opens it from here on");
        Result first = exec(dir, retort, "current");
        assertEquals(0, first.code(), first.output());
        Path lib;
        try (var s = Files.walk(ROOT.resolve("cli-adapter/target/native"))) {
            lib = s.filter(p -> p.getFileName().toString().startsWith("libsqlitejdbc")).findFirst().orElseThrow();
        }
        assertTrue(lib.getParent().getFileName().toString().startsWith("sqlite-jdbc-"), lib.toString());
        var copied = Files.getLastModifiedTime(lib);
        Result second = exec(dir, retort, "current");
        assertEquals(0, second.code(), second.output());
        assertEquals(copied, Files.getLastModifiedTime(lib), "copied once");

        byte[] good = Files.readAllBytes(lib);
        try {
            Files.writeString(lib, "not a library");
            Result broken = exec(dir, retort, "current");
            assertEquals(0, broken.code(), broken.output());
            assertTrue(broken.output().contains("The database is at base"), broken.output());
        } finally {
            Files.write(lib, good);
        }
    }

    @Test
    void a_command_is_added_to_the_archive_by_its_first_real_run_not_by_help() throws Exception {
        // A private copy of launcher and jar, so the build's own archives stay as they are.
        Path target = dir.resolve("dist/cli-adapter/target");
        Files.createDirectories(target);
        Files.copy(ROOT.resolve("retort"), dir.resolve("dist/retort"));
        Files.copy(ROOT.resolve("cli-adapter/target/retort-all.jar"), target.resolve("retort-all.jar"));
        String retort = dir.resolve("dist/retort").toString();
        Path project = Files.createDirectories(dir.resolve("project"));
        assertEquals(0, exec(project, retort, "init", "migrations").code());

        assertEquals(0, exec(project, retort, "heads", "--help").code());
        assertEquals(0, exec(project, retort, "-c", "retort.yaml", "current", "-h").code());
        assertTrue(!Files.exists(target.resolve("retort-files.jsa.commands")) && !Files.exists(target.resolve("retort-db.jsa.commands")),
                "help runs record nothing");

        assertEquals(0, exec(project, retort, "heads").code());
        assertEquals(List.of("heads"), Files.readAllLines(target.resolve("retort-files.jsa.commands")));
        assertTrue(Files.size(target.resolve("retort-files.jsa")) > 0);
        assertEquals(0, exec(project, retort, "stamp", "base").code());
        assertEquals(0, exec(project, retort, "current").code());
        assertEquals(List.of("stamp", "current"), Files.readAllLines(target.resolve("retort-db.jsa.commands")));
        Result archived = exec(project, retort, "current");
        assertEquals(0, archived.code(), archived.output());
        assertTrue(archived.output().contains("at base"), archived.output());
    }
}
