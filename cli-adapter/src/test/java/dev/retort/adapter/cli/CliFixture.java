package dev.retort.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Runs the real CLI in-process on a real project folder and a real SQLite file. */
final class CliFixture {
    final Path dir;
    final Map<String, String> env = new HashMap<>();

    record Run(int code, String out, String err) {
        Run expect(int expected) {
            assertEquals(expected, code, () -> "exit code; stdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }
    }

    CliFixture(Path dir) {
        this.dir = dir;
    }

    Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RetortCli.run(CliIo.capture(dir, env, out, err), args);
        return new Run(code, out.toString(), err.toString());
    }

    Run ok(String... args) {
        return run(args).expect(0);
    }

    /** init + a retort.yaml whose url points at {@code app.db} in the project folder. */
    CliFixture initProject() {
        ok("init", "migrations");
        return this;
    }

    Path versions() {
        return dir.resolve("migrations/versions");
    }

    Path database() {
        return dir.resolve("app.db");
    }

    void write(String relative, String text) {
        try {
            Path p = dir.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Path> revisionFiles() {
        if (!Files.isDirectory(versions())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(versions())) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A hand-written revision file in the documented format. */
    void revision(String id, String down, String message, String upgradeYaml, String downgradeYaml) {
        revision(id, down, message, upgradeYaml, downgradeYaml, "");
    }

    void revision(String id, String down, String message, String upgradeYaml, String downgradeYaml, String extra) {
        String text = "revision: " + id + "\n"
                + "down_revision: " + (down == null ? "null" : down) + "\n"
                + extra
                + "message: " + message + "\n"
                + "upgrade:\n" + indent(upgradeYaml)
                + "downgrade:\n" + indent(downgradeYaml);
        write("migrations/versions/" + id + "_" + message.replaceAll("[^a-z0-9]+", "_") + ".yaml", text);
    }

    private static String indent(String yaml) {
        if (yaml == null || yaml.isBlank()) {
            return "  []\n";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : yaml.split("\n")) {
            sb.append("  ").append(line).append('\n');
        }
        return sb.toString();
    }

    static String createTable(String name) {
        return "- create_table:\n    name: " + name + "\n    columns:\n      - {name: id, type: integer, primary_key: true}\n";
    }

    static String dropTable(String name) {
        return "- drop_table: " + name + "\n";
    }

    List<String> tables() {
        return query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
    }

    List<String> versionRows() {
        if (!tables().contains("retort_version")) {
            return List.of();
        }
        return query("SELECT version_num FROM retort_version ORDER BY version_num");
    }

    List<String> query(String sql) {
        if (!Files.exists(database())) {
            return List.of();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
