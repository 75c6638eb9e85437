package dev.retort.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.retort.dialect.jdbc.TestDatabases;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

/**
 * The bad-input corpus: one YAML file per case under {@code src/test/resources/bad-input/cases/<category>/}
 * (format in {@code bad-input/README.md}). Each case builds a fresh project with {@code retort init
 * migrations}, writes its files, runs its setup, then runs the real CLI in-process on the failing
 * invocation and checks what every error must do: the expected exit code, exactly one {@code error: }
 * line on stderr naming the file and line or the revisions, no stack trace or exception class names,
 * no error text on stdout, no password anywhere, and every file of the project unchanged (none created: no empty database file, no lock file). A sample of cases
 * runs again with {@code --verbose}, which must add the stack trace.
 *
 * <p>A case marked {@code known_bug: "<one line>"} is reported as skipped (aborted) with that text
 * while it still misbehaves, and fails once it passes, so the marker gets removed with the fix.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest {
    /** The distinctive password the secret cases use; it must never be printed. */
    static final String SECRET = "S3cr3t-corpus-pw";
    /** The user and password the server cases create; they log in with {@link #SECRET} instead, which is wrong. */
    static final String CORPUS_USER = "retort_corpus";
    static final String CORPUS_PASSWORD = "corpus-pw-42";

    private static final Set<String> KEYS = Set.of("description", "files", "files_base64", "dirs", "delete", "setup", "sql_setup",
            "files_after_setup", "delete_after_setup", "chmod", "symlinks", "args", "exit", "contains", "env", "verbose", "known_bug", "requires", "leaves");
    private static final Pattern EXCEPTION_NAME = Pattern.compile("[A-Za-z]*Exception\\b|\\b[A-Z][a-z]+[A-Za-z]*Error\\b|Caused by:");
    private static final List<Pattern> ALLOWED_EXTRA_LINES = List.of(
            Pattern.compile("Running .*"),
            Pattern.compile("Testing migrations on .*"),
            Pattern.compile("Try 'retort.*--help' for more information\\."));
    private static final YAMLMapper YAML = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    /** Every captured stdout and stderr of every run, for the final password check. */
    private static final List<Captured> CAPTURED = Collections.synchronizedList(new ArrayList<>());

    @TempDir
    static Path tmp;

    record Captured(String caseName, String knownBug, String args, String text) {
    }

    record Result(int code, String out, String err) {
    }

    // ------------------------------------------------------------------ the corpus

    @TestFactory
    @Order(1)
    Stream<DynamicTest> corpus() throws IOException {
        Path root = casesRoot();
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertTrue(files.size() >= 150, "the corpus has at least 150 cases, found " + files.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = root.relativize(f).toString().replace('\\', '/').replaceAll("\\.yaml$", "");
            int index = i;
            tests.add(DynamicTest.dynamicTest(name, f.toUri(), () -> runCase(name, index, f)));
        }
        return tests.stream();
    }

    /** After the whole corpus: the password never appears in any captured output, with or without --verbose. */
    @Test
    @Order(2)
    void secret_never_printed_anywhere() {
        List<Captured> all;
        synchronized (CAPTURED) {
            all = List.copyOf(CAPTURED);
        }
        long withSecret = all.stream().filter(c -> c.args().contains(SECRET) || c.caseName().contains("secret")).count();
        Assumptions.assumeTrue(!all.isEmpty(), "run the whole class: the corpus captures the output this test checks");
        assertTrue(withSecret > 0, "some cases use the password " + SECRET);
        List<String> leaks = new ArrayList<>();
        List<String> knownLeaks = new ArrayList<>();
        for (Captured c : all) {
            if (c.text().contains(SECRET)) {
                String line = c.text().lines().filter(l -> l.contains(SECRET)).findFirst().orElse("");
                (c.knownBug() == null ? leaks : knownLeaks).add(c.caseName() + " [" + c.args() + "]: " + line.strip());
            }
        }
        if (!leaks.isEmpty()) {
            fail("the password " + SECRET + " was printed by " + leaks.size() + " run(s):\n" + String.join("\n", leaks));
        }
        if (!knownLeaks.isEmpty()) {
            Assumptions.abort("known bugs print the password: " + String.join("; ", knownLeaks));
        }
    }

    /** Case name to exit code and error line, written to target/bad-input-report.txt for review. */
    private static final Map<String, String> REPORT = Collections.synchronizedMap(new TreeMap<>());

    @AfterAll
    static void summary() throws IOException {
        StringBuilder sb = new StringBuilder();
        synchronized (REPORT) {
            REPORT.forEach((k, v) -> sb.append(k).append("\n    ").append(v).append('\n'));
        }
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("bad-input-report.txt"), sb.toString(), StandardCharsets.UTF_8);
        }
        System.out.println("[bad-input] " + CAPTURED.size() + " CLI runs captured; error lines in target/bad-input-report.txt");
    }

    // ------------------------------------------------------------------ one case

    private void runCase(String name, int index, Path file) throws Exception {
        Map<String, Object> c = YAML.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Object>>() { });
        for (String k : c.keySet()) {
            assertTrue(KEYS.contains(k), name + ": unknown key '" + k + "' (valid: " + new TreeSet<>(KEYS) + ")");
        }
        assertTrue(c.get("description") instanceof String, name + ": description is required");
        String knownBug = (String) c.get("known_bug");
        int exit = ((Number) required(c, name, "exit")).intValue();
        List<String> contains = strings(c.get("contains"));
        Map<String, String> placeholders = placeholders(name, strings(c.get("requires")));

        List<String> args = words(required(c, name, "args"), placeholders);
        List<String> problems = new ArrayList<>();
        Case plain = new Case(name, index, c, placeholders, knownBug);
        plain.check(args, exit, contains, false, problems);
        if (verboseRun(c, name, index)) {
            List<String> verboseArgs = new ArrayList<>();
            verboseArgs.add("--verbose");
            verboseArgs.addAll(args);
            new Case(name, index, c, placeholders, knownBug).check(verboseArgs, exit, contains, true, problems);
        }
        if (knownBug != null) {
            if (problems.isEmpty()) {
                fail(name + " is marked known_bug (" + knownBug + ") but now behaves; remove the known_bug line");
            }
            Assumptions.abort("known bug: " + knownBug + " | observed: " + String.join(" | ", problems));
        }
        if (!problems.isEmpty()) {
            fail(name + " (" + c.get("description") + "):\n  - " + String.join("\n  - ", problems));
        }
    }

    /** Explicit {@code verbose:}; otherwise every fourth case, except command-line parse errors (picocli prints no trace). */
    private static boolean verboseRun(Map<String, Object> c, String name, int index) {
        Object v = c.get("verbose");
        if (v instanceof Boolean b) {
            return b;
        }
        return index % 4 == 0 && !name.startsWith("cli-flags/");
    }

    /** One run of a case in a fresh project folder. */
    private static final class Case {
        private final String name;
        private final Map<String, Object> c;
        private final Map<String, String> placeholders;
        private final String knownBug;
        private final Path dir;
        private final Map<String, String> env = new LinkedHashMap<>();

        Case(String name, int index, Map<String, Object> c, Map<String, String> placeholders, String knownBug) throws IOException {
            this.name = name;
            this.c = c;
            this.knownBug = knownBug;
            this.dir = Files.createTempDirectory(tmp, "case" + index + "-");
            this.placeholders = new LinkedHashMap<>(placeholders);
            this.placeholders.put("@@DIR@@", dir.toString());
            for (Map.Entry<String, String> e : stringMap(c.get("env")).entrySet()) {
                env.put(e.getKey(), fill(e.getValue(), this.placeholders));
            }
        }

        void check(List<String> args, int exit, List<String> contains, boolean verbose, List<String> problems) throws Exception {
            String tag = verbose ? "[--verbose] " : "";
            prepare();
            Map<String, String> before = snapshot(dir);
            Result r = run(args);
            Map<String, String> after = snapshot(dir);
            REPORT.put(name + (verbose ? " [--verbose]" : ""), "exit " + r.code() + ": "
                    + r.err().lines().filter(l -> l.startsWith("error: ")).findFirst().orElse(abbreviate(r.err())));

            if (r.code() != exit) {
                problems.add(tag + "exit code " + r.code() + ", expected " + exit + "; stderr: " + abbreviate(r.err()) + "; stdout: " + abbreviate(r.out()));
            }
            List<String> lines = r.err().lines().toList();
            List<String> errorLines = lines.stream().filter(l -> l.startsWith("error: ")).toList();
            if (errorLines.size() != 1) {
                problems.add(tag + errorLines.size() + " lines start with 'error: ', expected exactly one; stderr: " + abbreviate(r.err()));
            }
            String error = errorLines.isEmpty() ? "" : errorLines.get(0);
            for (String f : contains) {
                String fragment = fill(f, placeholders);
                if (!error.contains(fragment)) {
                    problems.add(tag + "the error line lacks '" + fragment + "': " + (error.isEmpty() ? abbreviate(r.err()) : error));
                }
            }
            if (verbose) {
                if (!r.err().contains("\tat ")) {
                    problems.add(tag + "no stack trace on stderr: " + abbreviate(r.err()));
                }
            } else {
                for (String l : lines) {
                    if (!l.startsWith("error: ") && ALLOWED_EXTRA_LINES.stream().noneMatch(p -> p.matcher(l).matches())) {
                        problems.add(tag + "unexpected stderr line: " + abbreviate(l));
                        break;
                    }
                }
                if (r.err().contains("\tat ")) {
                    problems.add(tag + "a stack trace without --verbose: " + abbreviate(r.err()));
                }
                Matcher m = EXCEPTION_NAME.matcher(r.err());
                if (m.find()) {
                    problems.add(tag + "an exception class name ('" + m.group() + "') on stderr: " + abbreviate(error.isEmpty() ? r.err() : error));
                }
            }
            String outLower = r.out().toLowerCase(java.util.Locale.ROOT);
            if (outLower.contains("error") || r.out().contains("Exception") || r.out().contains("\tat ")) {
                problems.add(tag + "error text on stdout: " + abbreviate(r.out()));
            }
            if (r.out().contains(SECRET) || r.err().contains(SECRET)) {
                problems.add(tag + "the password " + SECRET + " was printed");
            }
            Set<String> files = new TreeSet<>(before.keySet());
            files.addAll(after.keySet());
            List<Pattern> leaves = strings(c.get("leaves")).stream().map(Pattern::compile).toList();
            for (String f : files) {
                if (!before.containsKey(f) && leaves.stream().anyMatch(p -> p.matcher(f).matches())) {
                    continue;   // created on purpose (see the case's description)
                }
                String b = before.getOrDefault(f, "(no such file)");
                String a = after.getOrDefault(f, "(no such file)");
                if (!a.equals(b)) {
                    problems.add(tag + "file " + f + " changed:\n      before: " + abbreviate(b) + "\n      after:  " + abbreviate(a));
                }
            }
            cleanUp();
        }

        /** init, files, setup runs, SQL, later files, permissions. */
        private void prepare() throws Exception {
            Result init = run(List.of("init", "migrations"));
            assertEquals(0, init.code(), () -> name + ": init failed: " + init.err());
            for (String p : strings(c.get("delete"))) {
                deleteRecursively(dir.resolve(p));
            }
            for (String p : strings(c.get("dirs"))) {
                Files.createDirectories(dir.resolve(p));
            }
            writeFiles(stringMap(c.get("files")));
            for (Map.Entry<String, String> e : stringMap(c.get("files_base64")).entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, Base64.getMimeDecoder().decode(e.getValue()));
            }
            for (Map.Entry<String, String> e : stringMap(c.get("symlinks")).entrySet()) {
                Path target = Path.of(e.getValue());
                if (target.isAbsolute() && !Files.exists(target)) {
                    Assumptions.abort(name + ": " + target + " does not exist on this system");
                }
                Path link = dir.resolve(e.getKey());
                Files.createDirectories(link.getParent());
                Files.createSymbolicLink(link, target);
            }
            Object setup = c.get("setup");
            if (setup != null) {
                for (Object step : (List<?>) setup) {
                    List<String> args = words(step, placeholders);
                    Result r = run(args);
                    assertEquals(0, r.code(), () -> name + ": setup " + args + " failed: " + r.err() + r.out());
                }
            }
            List<String> sql = strings(c.get("sql_setup"));
            if (!sql.isEmpty()) {
                try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("app.db"));
                     Statement s = conn.createStatement()) {
                    for (String statement : sql) {
                        s.execute(fill(statement, placeholders));
                    }
                }
            }
            for (String p : strings(c.get("delete_after_setup"))) {
                deleteRecursively(dir.resolve(p));
            }
            writeFiles(stringMap(c.get("files_after_setup")));
            for (Map.Entry<String, String> e : stringMap(c.get("chmod")).entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(e.getValue()));
                if (Files.isReadable(p) && !e.getValue().contains("r")) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
                    Assumptions.abort(name + ": " + e.getKey() + " stays readable after chmod " + e.getValue()
                            + " (running as root, which reads any file), so the unreadable-file error cannot happen here");
                }
            }
        }

        private static void deleteRecursively(Path p) throws IOException {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path f : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }

        private void cleanUp() throws IOException {
            for (String p : stringMap(c.get("chmod")).keySet()) {
                Path f = dir.resolve(p);
                if (Files.exists(f)) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }

        private void writeFiles(Map<String, String> files) throws IOException {
            for (Map.Entry<String, String> e : files.entrySet()) {
                Path p = dir.resolve(e.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, fill(e.getValue(), placeholders), StandardCharsets.UTF_8);
            }
        }

        private Result run(List<String> args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = RetortCli.run(CliIo.capture(dir, env, out, err), args.toArray(String[]::new));
            Result r = new Result(code, out.toString(), err.toString());
            CAPTURED.add(new Captured(name, knownBug, String.join(" ", args) + " " + env, r.out() + "\n" + r.err()));
            return r;
        }
    }

    // ------------------------------------------------------------------ databases

    /**
     * Every file in the project, so that a file a failed command creates (an empty {@code app.db},
     * a lock file) counts as a change: each {@code *.db} file by its schema rows and every table's
     * rows, read-only (a file SQLite cannot read, byte for byte), every other file byte for byte.
     * The header cache ({@code .retort_cache/}) is left out: it is rewritten by any command that
     * reads the revision files, failing or not, and holds nothing but what they say.
     */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir, 6)) {
            files = s.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !dir.relativize(p).toString().contains(".retort_cache")).sorted().toList();
        }
        for (Path f : files) {
            boolean db = f.getFileName().toString().endsWith(".db") && Files.size(f) > 0;
            out.put(dir.relativize(f).toString(), db ? dump(f) : "bytes sha256=" + sha256(Files.readAllBytes(f)));
        }
        return out;
    }

    private static String dump(Path db) throws IOException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db, config.toProperties());
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")) {
                while (rs.next()) {
                    sb.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(" on ").append(rs.getString(3))
                            .append(": ").append(rs.getString(4)).append('\n');
                    if ("table".equals(rs.getString(1))) {
                        tables.add(rs.getString(2));
                    }
                }
            }
            for (String t : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder(t).append(" row:");
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.append(' ').append(md.getColumnName(i)).append('=').append(rs.getString(i));
                        }
                        rows.add(row.toString());
                    }
                }
                Collections.sort(rows);
                rows.forEach(r -> sb.append(r).append('\n'));
            }
            return sb.toString();
        } catch (SQLException e) {
            return "not readable by SQLite (" + e.getMessage() + "), bytes sha256=" + sha256(Files.readAllBytes(db));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ PostgreSQL and MySQL

    private static final Map<String, String> SERVER_PLACEHOLDERS = new LinkedHashMap<>();

    /**
     * {@code requires: [postgres]} / {@code [mysql]}: the server from {@code RETORT_TEST_POSTGRES_URL} /
     * {@code RETORT_TEST_MYSQL_URL} (the case is skipped when unset), with user {@value #CORPUS_USER}
     * created once with password {@value #CORPUS_PASSWORD}. {@code [postgres_password_auth]} also
     * skips when the server lets that user in with a wrong password (trust authentication).
     */
    private static synchronized Map<String, String> placeholders(String name, List<String> requires) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String r : requires) {
            switch (r) {
                case "postgres", "postgres_password_auth" -> {
                    String url = TestDatabases.urlFromEnvironment(TestDatabases.POSTGRES_URL, "PostgreSQL",
                            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
                    out.put("@@PG_BASE@@", SERVER_PLACEHOLDERS.computeIfAbsent("@@PG_BASE@@", k -> createPostgresUser(url)));
                    if (r.equals("postgres_password_auth")) {
                        try (Connection ignored = DriverManager.getConnection(out.get("@@PG_BASE@@"), CORPUS_USER, SECRET)) {
                            Assumptions.abort(name + ": PostgreSQL at " + out.get("@@PG_BASE@@") + " accepts " + CORPUS_USER
                                    + " with a wrong password (trust authentication for this host), so a wrong password cannot fail here");
                        } catch (SQLException expected) {
                            // password authentication is on: the case can run
                        }
                    }
                }
                case "mysql" -> {
                    String url = TestDatabases.urlFromEnvironment(TestDatabases.MYSQL_URL, "MySQL", "jdbc:mysql://127.0.0.1:3306/test?user=root");
                    out.put("@@MYSQL_BASE@@", SERVER_PLACEHOLDERS.computeIfAbsent("@@MYSQL_BASE@@", k -> createMysqlUser(url)));
                }
                default -> fail(name + ": unknown requires '" + r + "' (postgres, postgres_password_auth, mysql)");
            }
        }
        return out;
    }

    /** @return the URL without its query (user and password come from the case) */
    private static String createPostgresUser(String adminUrl) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + CORPUS_USER + "') THEN "
                    + "CREATE ROLE " + CORPUS_USER + " LOGIN PASSWORD '" + CORPUS_PASSWORD + "'; END IF; END $$");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the PostgreSQL user " + CORPUS_USER + ": " + e.getMessage(), e);
        }
        return withoutQuery(adminUrl);
    }

    private static String createMysqlUser(String adminUrl) {
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE USER IF NOT EXISTS '" + CORPUS_USER + "'@'%' IDENTIFIED BY '" + CORPUS_PASSWORD + "'");
            s.execute("CREATE USER IF NOT EXISTS '" + CORPUS_USER + "'@'localhost' IDENTIFIED BY '" + CORPUS_PASSWORD + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the MySQL user " + CORPUS_USER + ": " + e.getMessage(), e);
        }
        return withoutQuery(adminUrl);
    }

    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    // ------------------------------------------------------------------ case file helpers

    private static Path casesRoot() {
        URL url = BadInputCorpusTest.class.getResource("/bad-input/cases");
        assertTrue(url != null, "bad-input/cases is on the test classpath");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object required(Map<String, Object> c, String name, String key) {
        Object v = c.get(key);
        assertTrue(v != null, name + ": '" + key + "' is required");
        return v;
    }

    /** A list of words, or one string split at spaces. */
    private static List<String> words(Object value, Map<String, String> placeholders) {
        List<String> raw = value instanceof String s ? List.of(s.trim().split("\\s+")) : strings(value);
        return raw.stream().map(w -> fill(w, placeholders)).toList();
    }

    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static Map<String, String> stringMap(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        }
        return out;
    }

    private static String fill(String text, Map<String, String> placeholders) {
        String out = text;
        for (Map.Entry<String, String> e : placeholders.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    private static String abbreviate(String s) {
        String t = s.strip().replace("\n", "\\n");
        return t.length() > 600 ? t.substring(0, 600) + "..." : t;
    }
}
