package dev.retort.adapter.config;

import dev.retort.adapter.config.YamlNode.Scalar;
import dev.retort.core.domain.ConfigException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Reads {@code retort.yaml} into {@link RetortSettings}.
 *
 * <p>String values may use {@code ${VAR}}, {@code ${VAR:-default}} and {@code $${...}} (a literal)
 * with variables from the environment map given to the constructor. Precedence, highest first:
 * {@link SettingsOverrides} (command line), the environment variables {@code RETORT_URL},
 * {@code RETORT_USER}, {@code RETORT_PASSWORD}, {@code RETORT_SCHEMA},
 * {@code RETORT_SCRIPT_LOCATION}, {@code RETORT_VERSION_TABLE}, the file, then defaults
 * ({@code url: jdbc:sqlite:retort.db}, {@code version_table: retort_version},
 * {@code file_template: "%(rev)s_%(slug)s"}, {@code transaction_per_migration: true}).
 * A file value that a higher source replaces is not interpolated, so its variables need not be set.
 *
 * <p>Relative paths, and the file of a relative {@code jdbc:sqlite:} URL, resolve against the
 * folder holding retort.yaml. Stateless and thread-safe.
 */
public final class SettingsLoader {
    /** The keys retort.yaml may hold, in documentation order. */
    public static final List<String> KEYS = List.of("script_location", "url", "user", "password", "schema", "target_metadata",
            "version_table", "file_template", "transaction_per_migration", "classpath", "include_tables", "exclude_tables", "target_options", "hooks", "history_table", "lock_timeout");
    private static final String SHAPE = "{script_location, url?, user?, password?, schema?, target_metadata?, version_table?,"
            + " file_template?, transaction_per_migration?, classpath?, include_tables?, exclude_tables?, target_options?, hooks?, history_table?, lock_timeout?}";

    private final Map<String, String> environment;
    private final Path workingDir;

    /**
     * @param environment variables for interpolation and {@code RETORT_*} overrides, e.g. {@code System.getenv()}
     * @param workingDir  paths in messages are shown relative to it
     */
    public SettingsLoader(Map<String, String> environment, Path workingDir) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
        this.workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** Shows paths relative to the process's working directory. */
    public SettingsLoader(Map<String, String> environment) {
        this(environment, Path.of("").toAbsolutePath());
    }

    public RetortSettings load(Path configFile) {
        return load(configFile, SettingsOverrides.NONE);
    }

    /**
     * @throws ConfigException when the file is missing or malformed, names an unknown key, has a
     *         value of the wrong type, or uses an unset variable without a default; the message
     *         names the file, line and column
     */
    public RetortSettings load(Path configFile, SettingsOverrides overrides) {
        Objects.requireNonNull(overrides, "overrides");
        Path file = workingDir.resolve(configFile).normalize();
        SourceFile src = SourceFile.of(file, workingDir);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + src.display() + " not found; run `retort init <dir>` to create a project, or pass -c <file>");
        }
        Path projectDir = file.getParent();
        YamlNode root;
        try {
            root = YamlTrees.read(src);
        } catch (ConfigException e) {
            // The YAML parser's own exception quotes the offending line, which may hold a password;
            // the message already says where and what, so the cause is not kept.
            throw new ConfigException(e.getMessage());
        }
        Values v = new Values(src, root == null ? null : new MappingReader(src, root, "the settings", SHAPE, KEYS));

        String scriptLocation = pick(overrides.scriptLocation(), "RETORT_SCRIPT_LOCATION", () -> v.text("script_location"));
        if (scriptLocation == null || scriptLocation.isBlank()) {
            throw v.missing("script_location", "script_location: <folder holding versions/>, e.g. migrations");
        }
        String url = pick(overrides.url(), "RETORT_URL", () -> v.text("url"));
        if (url == null) {
            url = RetortSettings.DEFAULT_URL;
        } else if (url.isBlank()) {
            throw v.missing("url", "a JDBC URL such as jdbc:sqlite:app.db or jdbc:postgresql://host/db");
        }
        String user = blankToNull(pick(overrides.user(), "RETORT_USER", () -> v.text("user")));
        String password = blankToNull(pick(overrides.password(), "RETORT_PASSWORD", () -> v.text("password")));
        String schema = blankToNull(pick(overrides.schema(), "RETORT_SCHEMA", () -> v.text("schema")));
        String targetMetadata = blankToNull(pick(overrides.targetMetadata(), null, () -> v.text("target_metadata")));
        String versionTable = pick(overrides.versionTable(), "RETORT_VERSION_TABLE", () -> v.text("version_table"));
        String fileTemplate = v.text("file_template");
        if (fileTemplate != null) {
            try {
                new FileTemplate(fileTemplate);
            } catch (ConfigException e) {
                throw v.invalid("file_template", e.getMessage());
            }
        }
        Boolean tx = v.bool("transaction_per_migration");
        List<Path> classpath = new ArrayList<>();
        for (String entry : v.list("classpath", "jar file or folder", "jar files or folders")) {
            classpath.add(path(projectDir, entry, v, "classpath"));
        }
        return new RetortSettings(file, projectDir, path(projectDir, scriptLocation, v, "script_location"),
                SqliteUrls.resolve(url, projectDir), user, password, schema, targetMetadata, versionTable, fileTemplate,
                tx == null || tx, classpath, v.list("include_tables", "table name pattern", "table name patterns"),
                v.list("exclude_tables", "table name pattern", "table name patterns"), v.map("target_options"), v.hooks(),
                pick(null, "RETORT_HISTORY_TABLE", () -> v.text("history_table")), lockTimeout(v));
    }

    private static java.time.Duration lockTimeout(Values v) {
        String text = v.text("lock_timeout");
        if (text == null) {
            return null;
        }
        String t = text.strip().toLowerCase(java.util.Locale.ROOT);
        String expected = "lock_timeout '" + text + "' is not a duration between 0 and 24 hours; expected seconds such as 60, 90s, 2m or 500ms";
        if (t.startsWith("-") || t.replaceAll("[^0-9]", "").length() > 9) {
            throw v.invalid("lock_timeout", expected);
        }
        try {
            if (t.endsWith("ms")) {
                return java.time.Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
            }
            if (t.endsWith("m")) {
                java.time.Duration d = java.time.Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).strip()));
                if (d.compareTo(java.time.Duration.ofHours(24)) > 0) {
                    throw v.invalid("lock_timeout", expected);
                }
                return d;
            }
            if (t.endsWith("s")) {
                t = t.substring(0, t.length() - 1).strip();
            }
            java.time.Duration d = java.time.Duration.ofSeconds(Long.parseLong(t));
            if (d.compareTo(java.time.Duration.ofHours(24)) > 0) {
                throw v.invalid("lock_timeout", expected);
            }
            return d;
        } catch (NumberFormatException e) {
            throw v.invalid("lock_timeout", expected);
        }
    }

    private String env(String name) {
        return blankToNull(environment.get(name));
    }

    private static Path path(Path projectDir, String text, Values v, String key) {
        try {
            return projectDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            throw v.invalid(key, key + " '" + text + "' is not a valid path (" + e.getReason() + ")");
        }
    }

    /** Command line, then environment variable {@code envName}, then the file (read only when needed). */
    private String pick(String override, String envName, Supplier<String> fromFile) {
        if (blankToNull(override) != null) {
            return override;
        }
        String fromEnv = envName == null ? null : env(envName);
        return fromEnv != null ? fromEnv : fromFile.get();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** File values, interpolated on first use so a value replaced by a higher source never fails. */
    private final class Values {
        private final SourceFile src;
        private final MappingReader r;

        Values(SourceFile src, MappingReader r) {
            this.src = src;
            this.r = r;
        }

        private YamlNode node(String key) {
            YamlNode n = r == null ? null : r.get(key);
            return n instanceof Scalar s && s.isNull() ? null : n;
        }

        String text(String key) {
            YamlNode n = node(key);
            if (n == null) {
                return null;
            }
            String raw = MappingReader.text(src, n, key, expectedText(key));
            return Interpolation.apply(raw, environment, src, n.mark(), key);
        }

        Boolean bool(String key) {
            YamlNode n = node(key);
            if (n == null) {
                return null;
            }
            if (n instanceof Scalar s && s.kind() == YamlNode.ScalarKind.STRING) {
                String t = Interpolation.apply(s.text(), environment, src, n.mark(), key);
                return MappingReader.bool(src, new Scalar(t, YamlNode.ScalarKind.STRING, n.mark()), key);
            }
            return MappingReader.bool(src, n, key);
        }

        /** @param what one item as a user would call it, e.g. "jar file or folder"; {@code whats} several */
        List<String> list(String key, String what, String whats) {
            YamlNode n = node(key);
            if (n == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (YamlNode item : n instanceof Scalar ? List.of(n)
                    : MappingReader.sequence(src, n, key, "a list of " + whats).items()) {
                String raw = MappingReader.text(src, item, "an item of " + key, "a " + what);
                out.add(Interpolation.apply(raw, environment, src, item.mark(), key));
            }
            return out;
        }

        List<PostWriteHook> hooks() {
            YamlNode n = node("hooks");
            if (n == null) {
                return List.of();
            }
            String expected = "a list of {command: \"yamlfmt REVISION_SCRIPT_FILENAME\"} or {command: [git, add, REVISION_SCRIPT_FILENAME]}";
            List<PostWriteHook> out = new ArrayList<>();
            for (YamlNode item : MappingReader.sequence(src, n, "hooks", expected).items()) {
                if (!(item instanceof YamlNode.Mapping m)) {
                    throw src.error(item.mark(), "a hook must be a mapping", expected);
                }
                YamlNode.Entry nameEntry = m.entries().get("name");
                YamlNode.Entry command = m.entries().get("command");
                for (String k : m.entries().keySet()) {
                    if (!k.equals("name") && !k.equals("command")) {
                        throw src.error(m.entries().get(k).keyMark(), "unknown key '" + k + "' in a hook", "name?, command");
                    }
                }
                if (command == null) {
                    throw src.error(item.mark(), "a hook needs a command", expected);
                }
                String name = nameEntry == null ? null : MappingReader.text(src, nameEntry.value(), "hooks.name", "text");
                if (command.value() instanceof YamlNode.Sequence seq) {
                    List<String> argv = new ArrayList<>();
                    for (YamlNode a : seq.items()) {
                        argv.add(Interpolation.apply(MappingReader.text(src, a, "hooks.command", "text"), environment, src, a.mark(), "hooks"));
                    }
                    if (argv.isEmpty()) {
                        throw src.error(command.value().mark(), "a hook's command list is empty", expected);
                    }
                    out.add(new PostWriteHook(name, null, argv));
                } else {
                    String text = MappingReader.text(src, command.value(), "hooks.command", "a command line");
                    if (text.isBlank()) {
                        throw src.error(command.value().mark(), "a hook's command is empty", expected);
                    }
                    out.add(new PostWriteHook(name, Interpolation.apply(text, environment, src, command.value().mark(), "hooks"), List.of()));
                }
            }
            return out;
        }

        java.util.Map<String, String> map(String key) {
            YamlNode n = node(key);
            if (n == null) {
                return java.util.Map.of();
            }
            if (!(n instanceof YamlNode.Mapping m)) {
                throw src.error(n.mark(), key + " must be a mapping", "key: value pairs, e.g. {naming: snake_case}");
            }
            java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
            for (java.util.Map.Entry<String, YamlNode.Entry> e : m.entries().entrySet()) {
                YamlNode value = e.getValue().value();
                String raw = MappingReader.text(src, value, key + "." + e.getKey(), "text");
                out.put(e.getKey(), Interpolation.apply(raw, environment, src, value.mark(), key));
            }
            return out;
        }

        ConfigException missing(String key, String expected) {
            YamlNode.Mark at = r == null ? new YamlNode.Mark(1, 1) : r.markOf(key);
            return src.error(at, key + (r != null && r.has(key) ? " is empty" : " is not set"), expected
                    + (key.equals("script_location") ? " (or RETORT_SCRIPT_LOCATION)" : ""));
        }

        ConfigException invalid(String key, String problem) {
            return src.error(r == null ? null : r.markOf(key), problem, null);
        }

        private static String expectedText(String key) {
            return switch (key) {
                case "url" -> "a JDBC URL";
                case "script_location", "target_metadata" -> "a path relative to this file";
                default -> "text";
            };
        }
    }
}
