package dev.retort.adapter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionGraphException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzes the three loaders with random mutations of valid files: deleted, inserted and duplicated
 * characters and lines, random YAML fragments (tags, anchors, complex keys, documents), random
 * unicode and raw bytes, huge numbers and deep nesting. Whatever the file, {@link
 * YamlScriptRepository#loadAll}, {@link YamlSchemaSource#load} and {@link SettingsLoader#load}
 * either succeed or throw a {@link ConfigException} whose message starts with the file's name (so
 * the CLI prints {@code <file>:<line>:<column>: ...}); nothing else escapes. Interpolation of random
 * strings full of {@code ${...}} likewise throws nothing but a located ConfigException.
 */
class LoaderFuzzProperties {
    private static Path project;
    private static Path versions;

    @BeforeContainer
    static void project() throws IOException {
        project = Files.createTempDirectory("retort-loader-fuzz");
        versions = Files.createDirectories(project.resolve("migrations/versions"));
        Files.writeString(versions.resolve("aaa111_base.yaml"), "revision: aaa111\ndown_revision: null\nupgrade: []\ndowngrade: []\n");
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (var s = Files.walk(project)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    // ------------------------------------------------------------------ valid files to start from

    static final String REVISION = """
            revision: bbb222
            down_revision: aaa111
            branch_labels: [billing]
            depends_on: []
            message: "add invoice: totals & status"
            created: 2026-11-25T10:00:00Z
            upgrade:
              - create_table:
                  name: invoice
                  comment: one row per bill
                  columns:
                    - {name: id, type: bigint, autoincrement: true, primary_key: true}
                    - {name: account_id, type: bigint, nullable: false}
                    - {name: total, type: "decimal(12,2)", nullable: false, default: 0}
                    - {name: status, type: "enum('new','paid')", default: "'new'", unique: true}
                  indexes:
                    - {name: ix_invoice_account_id, columns: [account_id], unique: false}
                  foreign_keys:
                    - {columns: [account_id], references: account(id), on_delete: cascade}
                  checks:
                    - {expression: "total >= 0", name: ck_total}
              - add_column: {table: invoice, column: {name: note, type: text, comment: free text}}
              - alter_column: {table: invoice, column: note, type: "varchar(200)", nullable: true, default: null}
              - rename_column: {table: invoice, column: note, new_name: remark}
              - create_index: {name: ix_total, table: invoice, columns: total}
              - add_unique_constraint: {table: invoice, columns: [account_id, total], name: uq_acc_total}
              - add_foreign_key: {table: invoice, columns: [account_id], references: "account(id)", on_update: set null}
              - add_check_constraint: {table: invoice, expression: "total < 1000000"}
              - sql:
                  postgres: |
                    COMMENT ON TABLE invoice IS 'bills'
                  all: SELECT 1
            downgrade:
              - drop_constraint: {table: invoice, name: uq_acc_total, type: unique}
              - drop_index: {name: ix_total, table: invoice}
              - drop_column: {table: invoice, column: remark}
              - rename_table: {name: invoice, new_name: old_invoice}
              - drop_table: old_invoice
            """;

    static final String SCHEMA = """
            tables:
              - name: account
                columns:
                  - {name: id, type: bigint, primary_key: true}
                  - {name: email, type: "varchar(255)", nullable: false, unique: true}
                unique: [[email]]
              - name: invoice
                comment: one row per bill
                columns:
                  - {name: id, type: bigint, autoincrement: true}
                  - {name: account_id, type: bigint, nullable: false}
                  - {name: total, type: "decimal(12,2)", default: 0}
                  - {name: created, type: timestamptz, default: CURRENT_TIMESTAMP}
                primary_key: {name: pk_invoice, columns: [id]}
                unique_constraints:
                  - {name: uq_custom, columns: [account_id, total]}
                indexes:
                  - {name: ix_invoice_account_id, columns: [account_id]}
                foreign_keys:
                  - {columns: [account_id], references: account(id), on_delete: cascade, name: fk_acc}
                checks:
                  - {expression: "total >= 0"}
            """;

    static final String SETTINGS = """
            # comment
            script_location: ${APP_DIR:-migrations}
            url: ${DATABASE_URL:-jdbc:sqlite:app.db}
            user: ${DB_USER:-app}
            password: ${DB_PASSWORD:-}
            schema: public
            target_metadata: schema.yaml
            version_table: retort_version
            history_table: retort_history
            file_template: "%(year)d%(month).2d_%(rev)s_%(slug)s"
            transaction_per_migration: true
            classpath: [lib/model.jar, target/classes]
            include_tables: [app_*]
            exclude_tables: [tmp_*]
            target_options: {naming: snake_case}
            lock_timeout: 90s
            hooks:
              - {name: fmt, command: "yamlfmt REVISION_SCRIPT_FILENAME"}
              - {command: [git, add, REVISION_SCRIPT_FILENAME]}
            """;

    // ------------------------------------------------------------------ mutations

    /** YAML that parsers and readers handle specially. */
    static final List<String> FRAGMENTS = List.of(
            "- {", "key: [", "{a: {b: {c: ", "[[[[", "]]}}", "&a x", "*a", "*undefined", "<<: *a", "? complex\n: value", "? [a, b]\n: c",
            "?\n: x", ": x", "? : y", "--- ", "---\n", "...", "%YAML 1.2\n---\n", "%TAG ! tag:x,2000:\n", "!!binary aGVsbG8=", "!!int abc",
            "!!float x", "!!bool maybe", "!!null x", "!!timestamp x", "!!map [a]", "!!seq {a: b}", "!custom x", "!!python/object:os.system",
            "'unterminated", "\"\\u12", "\"\\x", "key: |\n  block\n", "key: >-\n  folded\n", "- - - -", "1e99999", "-99999999999999999999999",
            "99999999999999999999999999999999999999", "0x1F", "0o17", ".inf", "-.nan", "~", "null", "true", "no", "2026-13-45T99:00:00Z",
            "\t", "\r\n", "\r", "\u0085", "\u2028", "\uFEFF", "\u0000", "\u0007", "\uD800", "\uDFFF", "\uD83D\uDE00", "é", "中",
            "#", " #", "%", "@", "`", "|", ">", "!", "&", "*", ",", "[]", "{}", "''", "\"\"", "- ", ": ", "::", "- null", "- 42",
            "revision: head", "down_revision: [aaa111, aaa111]", "down_revision: bbb222", "depends_on: [bbb222]", "branch_labels: [head]",
            "columns: []", "type: \"varchar(\"", "type: \"enum('\"", "type: \"decimal(5,99)\"", "references: \"t(\"", "on_delete: nope",
            "url: ${", "url: ${1}", "url: ${UNSET}", "url: $${x}", "lock_timeout: 999999999999999999m", "lock_timeout: -1",
            "file_template: \"%\"", "file_template: \"%(x)s\"", "hooks: [{command: []}]", "- sql: {}", "- drop_table:", "- {}");

    record Mutation(int kind, int at, int at2, String payload, int count) {
    }

    @Provide
    Arbitrary<Mutation> mutation() {
        Arbitrary<String> payload = Arbitraries.oneOf(
                Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().all().ofMaxLength(8),
                Arbitraries.strings().withChars(":-{}[],#&*!|>'\"%@`?\\ \n\t".toCharArray()).ofMaxLength(6),
                Arbitraries.strings().numeric().ofMinLength(15).ofMaxLength(60));
        return Combinators.combine(Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 9999),
                Arbitraries.integers().between(0, 9999), payload, Arbitraries.integers().between(1, 3000)).as(Mutation::new);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        return mutation().list().ofMinSize(1).ofMaxSize(6);
    }

    /** Applies the mutations to the text, then encodes it; kind 11 inserts raw (possibly invalid UTF-8) bytes. */
    static byte[] mutate(String original, List<Mutation> ms) {
        String s = original;
        List<byte[]> rawInserts = new ArrayList<>();
        for (Mutation m : ms) {
            int n = s.length();
            int i = n == 0 ? 0 : m.at() % (n + 1);
            int j = n == 0 ? 0 : m.at2() % (n + 1);
            int lo = Math.min(i, j);
            int hi = Math.max(i, j);
            List<String> lines = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
            int line = m.at() % lines.size();
            s = switch (m.kind()) {
                case 0 -> n == 0 ? s : s.substring(0, Math.min(i, n - 1)) + s.substring(Math.min(i, n - 1) + 1);          // delete a char
                case 1 -> s.substring(0, i) + m.payload() + s.substring(i);                                               // insert
                case 2 -> s.substring(0, hi) + s.substring(lo, Math.min(hi, lo + 200)) + s.substring(hi);                 // duplicate a span
                case 3 -> s.substring(0, lo) + s.substring(hi);                                                           // delete a span
                case 4 -> {                                                                                               // replace a line
                    lines.set(line, m.payload());
                    yield String.join("\n", lines);
                }
                case 5 -> {                                                                                               // duplicate a line
                    lines.add(line, lines.get(line));
                    yield String.join("\n", lines);
                }
                case 6 -> {                                                                                               // re-indent a line
                    String l = lines.get(line);
                    lines.set(line, (m.count() % 3 == 0 ? "\t" : " ".repeat(m.count() % 7)) + l.stripLeading());
                    yield String.join("\n", lines);
                }
                case 7 -> s.substring(0, i) + "9".repeat(Math.min(m.count(), 400)) + s.substring(i);                      // huge number
                case 8 -> s.substring(0, i) + "[".repeat(m.count()) + s.substring(i);                                     // deep nesting
                case 9 -> s.substring(0, i) + "{a: ".repeat(m.count() % 1200) + "1" + "}".repeat(m.count() % 1200) + s.substring(i);
                case 10 -> {                                                                                              // swap lines
                    int other = m.at2() % lines.size();
                    String t = lines.get(line);
                    lines.set(line, lines.get(other));
                    lines.set(other, t);
                    yield String.join("\n", lines);
                }
                default -> {
                    rawInserts.add(new byte[] {(byte) (0x80 + m.count() % 0x80), (byte) (m.at() % 256)});
                    yield s;
                }
            };
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (byte[] raw : rawInserts) {
            int at = bytes.length == 0 ? 0 : Math.abs(raw[1]) % bytes.length;
            byte[] out = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, out, 0, at);
            out[at] = raw[0];
            System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
            bytes = out;
        }
        return bytes;
    }

    // ------------------------------------------------------------------ properties

    @Property(tries = 1500)
    void mutated_revision_files_fail_only_with_located_config_errors(@ForAll("mutations") List<Mutation> ms) {
        byte[] text = mutate(REVISION, ms);
        write(versions.resolve("bbb222_fuzz.yaml"), text);
        YamlScriptRepository repo = new YamlScriptRepository(project.resolve("migrations"), null, project);
        var revisions = located("migrations/versions/bbb222_fuzz.yaml", text, repo::loadAll);
        if (revisions != null) {
            // a file that loads builds a graph or fails with a graph error naming the problem
            try {
                RevisionGraph.of(revisions);
            } catch (RevisionGraphException expected) {
                // duplicate ids, unknown parents, bad labels, cycles
            } catch (Throwable t) {
                fail("a loaded file broke RevisionGraph.of with " + describe(t) + "\nfile:\n" + show(text));
            }
        }
    }

    @Property(tries = 1500)
    void mutated_schema_files_fail_only_with_located_config_errors(@ForAll("mutations") List<Mutation> ms) {
        byte[] text = mutate(SCHEMA, ms);
        Path file = project.resolve("schema.yaml");
        write(file, text);
        located("schema.yaml", text, () -> new YamlSchemaSource(file, project).load());
    }

    @Property(tries = 1500)
    void mutated_settings_fail_only_with_located_config_errors(@ForAll("mutations") List<Mutation> ms,
                                                             @ForAll("environments") Map<String, String> env) {
        byte[] text = mutate(SETTINGS, ms);
        write(project.resolve("retort.yaml"), text);
        located("retort.yaml", text, () -> new SettingsLoader(env, project).load(Path.of("retort.yaml")));
    }

    @Property(tries = 3000)
    void interpolation_throws_only_located_config_errors(@ForAll("interpolated") String value,
                                                         @ForAll("environments") Map<String, String> env) {
        SourceFile src = new SourceFile(project.resolve("retort.yaml"), "retort.yaml");
        try {
            String out = Interpolation.apply(value, env, src, new YamlNode.Mark(3, 6), "url");
            if (!value.contains("$")) {
                assertEquals(value, out, "text without '$' is unchanged");
            }
        } catch (ConfigException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("retort.yaml:3:6: ")) {
                fail("interpolation error without the file and position for " + show(value) + ": " + e.getMessage());
            }
        } catch (Throwable t) {
            fail("interpolating " + show(value) + " escaped as " + describe(t));
        }
    }

    @Provide
    Arbitrary<String> interpolated() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of("$", "{", "}", "${", "$${", ":-", ":", "-", "${HOME}", "${UNSET}", "${EMPTY:-d}", "${UNSET:-}", "${A:-${B}}",
                        "${1X}", "${}", "${ }", "${é}", "${X-Y}", "${X:-a}b}", "$$", "$}", "{}", "jdbc:sqlite:", "x", "\u0000", "\uD800"),
                Arbitraries.strings().withChars("${}:-_ABXa1".toCharArray()).ofMaxLength(6),
                Arbitraries.strings().all().ofMaxLength(4));
        return piece.list().ofMaxSize(8).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<Map<String, String>> environments() {
        Arbitrary<String> names = Arbitraries.of("HOME", "EMPTY", "A", "B", "X", "DATABASE_URL", "APP_DIR", "DB_PASSWORD", "DB_USER",
                "RETORT_URL", "RETORT_USER", "RETORT_PASSWORD", "RETORT_SCHEMA", "RETORT_SCRIPT_LOCATION", "RETORT_VERSION_TABLE",
                "RETORT_HISTORY_TABLE");
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of("", " ", "x", "${HOME}", "migrations", "jdbc:sqlite:other.db", "/abs",
                "jdbc:postgresql://u:pw@h/db", "..", "a\u0000b"), Arbitraries.strings().all().ofMaxLength(6));
        return Arbitraries.maps(names, values).ofMaxSize(5).map(m -> {
            Map<String, String> env = new LinkedHashMap<>(m);
            env.putIfAbsent("HOME", "/home/x");
            return env;
        });
    }

    /** A check of the fuzzer itself: the unmutated files load. */
    @Property(tries = 1)
    void the_valid_files_load(@ForAll("environments") Map<String, String> ignored) {
        write(versions.resolve("bbb222_fuzz.yaml"), REVISION.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, new YamlScriptRepository(project.resolve("migrations"), null, project).loadAll().size());
        write(project.resolve("schema.yaml"), SCHEMA.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, new YamlSchemaSource(project.resolve("schema.yaml"), project).load().tables().size());
        write(project.resolve("retort.yaml"), SETTINGS.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, new SettingsLoader(Map.of(), project).load(Path.of("retort.yaml")).hooks().size());
    }

    // ------------------------------------------------------------------ helpers

    /** Runs a loader: its result, or null after a ConfigException whose message starts with {@code display}. */
    private static <T> T located(String display, byte[] text, Supplier<T> load) {
        try {
            T result = load.get();
            Statistics.collect("loads");
            return result;
        } catch (ConfigException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith(display)) {
                fail("a ConfigException that does not start with " + display + ": " + e.getMessage() + "\nfile:\n" + show(text));
            }
            java.util.regex.Matcher at = java.util.regex.Pattern.compile("^[^:]+:(\\d+):(\\d+): ").matcher(e.getMessage());
            long lines = new String(text, StandardCharsets.UTF_8).lines().count();
            if (at.find() && (Long.parseLong(at.group(1)) < 1 || Long.parseLong(at.group(1)) > lines + 1 || Long.parseLong(at.group(2)) < 1)) {
                fail("the error points outside the file (" + lines + " lines): " + e.getMessage() + "\nfile:\n" + show(text));
            }
            Statistics.collect(e.getMessage().startsWith(display + ":") && e.getMessage().matches("(?s)[^:]+:\\d+:\\d+: .*")
                    ? "located error (file:line:column)" : "error naming the file only");
            return null;
        } catch (RetortException e) {
            fail("a " + e.getClass().getSimpleName() + " instead of a ConfigException: " + e.getMessage() + "\nfile:\n" + show(text));
            return null;
        } catch (Throwable t) {
            fail("loading " + display + " escaped as " + describe(t) + "\nfile:\n" + show(text));
            return null;
        }
    }

    private static void write(Path p, byte[] bytes) {
        try {
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String s = trace.toString();
        return s.length() > 4000 ? s.substring(0, 4000) + "..." : s;
    }

    /** The text with invisible characters spelled out, so a failure report can be reproduced. */
    private static String show(byte[] bytes) {
        return show(new String(bytes, StandardCharsets.UTF_8));
    }

    private static String show(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(c -> sb.append(c == '\n' ? "\n" : c < 0x20 || (c > 0x7e && c < 0xa0) || c == 0xfffd || c > 0xffff
                ? String.format("\\u{%04x}", c) : Character.toString(c)));
        return sb.length() > 3000 ? sb.substring(0, 3000) + "..." : sb.toString();
    }
}
