package dev.retort.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.in.CheckUseCase.CheckResult;
import dev.retort.core.application.port.in.CreateRevisionResult;
import dev.retort.core.application.port.in.IntegrityUseCase.VerifyReport;
import dev.retort.core.application.port.in.MigrationResult;
import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.revision.MigrationStep;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.revision.UnknownRevisionException;
import dev.retort.core.domain.schema.Schema;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** The Java API against real SQLite files. */
class RetortApiTest {
    static final String ACCOUNT = """
            revision: 1a2b3c4d5e6f
            down_revision: null
            message: create account
            created: 2026-11-25T10:00:00Z
            upgrade:
              - create_table:
                  name: account
                  columns:
                    - {name: id, type: bigint, primary_key: true, autoincrement: true}
                    - {name: email, type: "varchar(255)", nullable: false}
            downgrade:
              - drop_table: account
            """;
    static final String INVOICE = """
            revision: 2b3c4d5e6f70
            down_revision: 1a2b3c4d5e6f
            message: create invoice
            created: 2026-11-25T11:00:00Z
            upgrade:
              - create_table:
                  name: invoice
                  columns:
                    - {name: id, type: bigint, primary_key: true, autoincrement: true}
                    - {name: account_id, type: bigint, nullable: false}
                  foreign_keys:
                    - {columns: [account_id], references: account(id), on_delete: cascade}
            downgrade:
              - drop_table: invoice
            """;
    static final String MODEL = """
            tables:
              - name: account
                columns:
                  - {name: id, type: bigint, primary_key: true, autoincrement: true}
                  - {name: email, type: "varchar(255)", nullable: false}
              - name: invoice
                columns:
                  - {name: id, type: bigint, primary_key: true, autoincrement: true}
                  - {name: account_id, type: bigint, nullable: false}
                foreign_keys:
                  - {columns: [account_id], references: account(id), on_delete: cascade}
            """;

    @TempDir
    Path dir;

    private Path project() throws IOException {
        Path versions = Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(versions.resolve("1a2b3c4d5e6f_create_account.yaml"), ACCOUNT);
        Files.writeString(versions.resolve("2b3c4d5e6f70_create_invoice.yaml"), INVOICE);
        Files.writeString(dir.resolve("schema.yaml"), MODEL);
        return dir.resolve("migrations");
    }

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("app.db");
    }

    @Test
    void upgrade_to_head_from_a_url_creates_the_tables_and_returns_what_ran() throws Exception {
        Retort retort = Retort.configure().url(url()).scriptLocation(project()).reporter(Reporters.silent()).load();

        MigrationResult r = retort.upgrade("head");

        assertEquals(List.of("1a2b3c4d5e6f", "2b3c4d5e6f70"), r.applied().stream().map(s -> s.revision().id().value()).toList());
        assertEquals(List.of(), r.headsBefore());
        assertEquals(List.of(RevisionId.of("2b3c4d5e6f70")), r.headsAfter());
        assertTrue(tables().containsAll(List.of("account", "invoice", "retort_version")), tables().toString());
        assertEquals(List.of("2b3c4d5e6f70"), versionRows());
        assertTrue(retort.upgrade().applied().isEmpty(), "a second upgrade has nothing to do");
    }

    @Test
    void queries_return_revision_infos() throws Exception {
        Retort retort = Retort.configure().url(url()).scriptLocation(project()).reporter(Reporters.silent()).load();

        assertEquals(List.of(), retort.current());
        retort.upgrade("+1");
        List<RevisionInfo> current = retort.current();
        assertEquals(List.of("1a2b3c4d5e6f"), current.stream().map(i -> i.id().value()).toList());
        assertFalse(current.get(0).head());
        assertEquals(List.of("2b3c4d5e6f70"), retort.heads().stream().map(i -> i.id().value()).toList());
        assertEquals(List.of("2b3c4d5e6f70", "1a2b3c4d5e6f"), retort.history().stream().map(i -> i.id().value()).toList());
        assertEquals("create invoice", retort.history("2b3c:").get(0).revision().message());
    }

    @Test
    void downgrade_reverts_and_reports_the_steps() throws Exception {
        Retort retort = Retort.configure().url(url()).scriptLocation(project()).reporter(Reporters.silent()).load();
        retort.upgrade("head");

        MigrationResult r = retort.downgrade("-1");

        assertEquals(List.of(RevisionId.of("1a2b3c4d5e6f")), r.headsAfter());
        assertFalse(tables().contains("invoice"));
        retort.downgrade("base");
        assertEquals(List.of(), versionRows());
        assertFalse(tables().contains("account"));
    }

    @Test
    void a_data_source_is_asked_for_its_url_and_the_migration_runs_there() throws Exception {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl(url());
        List<String> heard = new ArrayList<>();

        Retort retort = Retort.configure().dataSource(ds).scriptLocation(project()).reporter(recording(heard)).load();
        retort.upgrade("head");

        assertTrue(tables().containsAll(List.of("account", "invoice")));
        assertEquals(List.of("2b3c4d5e6f70"), retort.current().stream().map(i -> i.id().value()).toList());
        assertEquals(List.of("start 1a2b3c4d5e6f", "start 2b3c4d5e6f70"), heard);
    }

    @Test
    void check_compares_the_model_with_the_database_at_head() throws Exception {
        Retort retort = Retort.configure().url(url()).scriptLocation(project()).targetMetadata(dir.resolve("schema.yaml"))
                .reporter(Reporters.silent()).load();
        retort.upgrade("head");

        assertTrue(retort.check().clean());

        Files.writeString(dir.resolve("schema.yaml"), MODEL + """
                  - name: payment
                    columns:
                      - {name: id, type: bigint, primary_key: true}
                """);
        CheckResult drift = retort.check();
        assertFalse(drift.clean());
        assertEquals(1, drift.pending().size());
        assertTrue(drift.pending().get(0).describe().contains("payment"), drift.pending().get(0).describe());
    }

    @Test
    void check_takes_a_model_built_in_code() throws Exception {
        Retort retort = Retort.configure().url(url()).scriptLocation(project()).targetMetadata(Schema.EMPTY)
                .reporter(Reporters.silent()).load();
        retort.upgrade("head");

        assertEquals(2, retort.check().pending().size(), "both tables would be dropped");
    }

    @Test
    void autogenerate_writes_a_revision_that_upgrade_then_applies() throws Exception {
        Retort retort = Retort.configure().url(url()).scriptLocation(project()).targetMetadata("schema.yaml").baseDir(dir)
                .reporter(Reporters.silent()).load();
        retort.upgrade("head");
        Files.writeString(dir.resolve("schema.yaml"), MODEL + """
                  - name: payment
                    columns:
                      - {name: id, type: bigint, primary_key: true}
                """);

        CreateRevisionResult created = retort.autogenerate("add payment");

        assertNotNull(created.revision());
        assertTrue(Files.exists(dir.resolve(created.path())), created.path());
        assertEquals(List.of(created.revision().id()), retort.heads().stream().map(RevisionInfo::id).toList(),
                "a query after the write sees the new file");
        retort.upgrade("head");
        assertTrue(tables().contains("payment"));
        assertTrue(retort.autogenerate("nothing").noChanges());
    }

    @Test
    void verify_passes_after_an_upgrade_and_flags_an_edited_revision() throws Exception {
        Path scripts = project();
        Retort retort = Retort.configure().url(url()).scriptLocation(scripts).reporter(Reporters.silent()).load();
        retort.upgrade("head");

        VerifyReport ok = retort.verify();
        assertTrue(ok.ok(), ok.toString());
        assertEquals(2, ok.applied());

        Path file = scripts.resolve("versions/1a2b3c4d5e6f_create_account.yaml");
        Files.writeString(file, ACCOUNT.replace("{name: email, type: \"varchar(255)\"", "{name: email, type: \"varchar(300)\""));
        VerifyReport changed = retort.verify();
        assertFalse(changed.ok());
        assertTrue(changed.mismatches().get(0).contains("1a2b3c4d5e6f"), changed.mismatches().toString());
    }

    @Test
    void a_config_file_is_read_as_the_cli_reads_it_and_builder_values_win() throws Exception {
        project();
        Files.writeString(dir.resolve("retort.yaml"), """
                script_location: migrations
                url: ${APP_DB:-jdbc:sqlite:ignored.db}
                target_metadata: schema.yaml
                version_table: app_version
                """);

        Retort retort = Retort.configure().configFile(dir.resolve("retort.yaml")).environment(Map.of("APP_DB", "jdbc:sqlite:from-env.db"))
                .reporter(Reporters.silent()).load();
        retort.upgrade("head");

        assertTrue(Files.exists(dir.resolve("from-env.db")), "a relative SQLite file is relative to retort.yaml");
        assertTrue(retort.check().clean());
        assertEquals("app_version", retort.settings().versionTable());

        Retort overridden = Retort.configure().configFile(dir.resolve("retort.yaml")).url(url()).reporter(Reporters.silent()).load();
        overridden.upgrade("head");
        assertEquals(List.of("2b3c4d5e6f70"), versionRows("app_version"));
    }

    @Test
    void revision_files_are_read_from_a_jar_on_the_class_path() throws Exception {
        Path jar = dir.resolve("migrations.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/migrations/"));
            out.putNextEntry(new JarEntry("db/migrations/versions/"));
            entry(out, "db/migrations/versions/1a2b3c4d5e6f_create_account.yaml", ACCOUNT);
            entry(out, "db/migrations/versions/2b3c4d5e6f70_create_invoice.yaml", INVOICE);
            entry(out, "db/schema.yaml", MODEL);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader())) {
            Retort retort = Retort.configure().url(url()).scriptLocation("classpath:db/migrations").targetMetadata("classpath:db/schema.yaml")
                    .classLoader(loader).reporter(Reporters.silent()).load();

            retort.upgrade("head");

            assertEquals(List.of("2b3c4d5e6f70"), versionRows());
            assertTrue(retort.check().clean());
            ConfigException e = assertThrows(ConfigException.class, () -> retort.revision("by hand"));
            assertTrue(e.getMessage().contains("inside a jar"), e.getMessage());
        }
    }

    @Test
    void revision_files_are_read_from_a_class_path_folder() throws Exception {
        Path scripts = project();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Retort retort = Retort.configure().url(url()).scriptLocation("classpath:migrations").classLoader(loader)
                    .reporter(Reporters.silent()).load();
            retort.upgrade("head");
            assertEquals(scripts, retort.settings().scriptLocation());
            assertEquals(List.of("2b3c4d5e6f70"), versionRows());
        }
    }

    @Test
    void errors_are_retorts_own_with_one_line_messages() throws Exception {
        Path scripts = project();
        ConfigException noDb = assertThrows(ConfigException.class, () -> Retort.configure().scriptLocation(scripts).load());
        assertTrue(noDb.getMessage().startsWith("no database"), noDb.getMessage());
        ConfigException noScripts = assertThrows(ConfigException.class, () -> Retort.configure().url(url()).load());
        assertTrue(noScripts.getMessage().startsWith("no script location"), noScripts.getMessage());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> Retort.configure().url(url()).scriptLocation("classpath:no/such/folder").load());
        assertTrue(missing.getMessage().contains("not on the class path"), missing.getMessage());

        Retort retort = Retort.configure().url(url()).scriptLocation(scripts).reporter(Reporters.silent()).load();
        assertThrows(UnknownRevisionException.class, () -> retort.upgrade("ffff"));
        ConfigException noModel = assertThrows(ConfigException.class, () -> {
            retort.upgrade("head");
            retort.check();
        });
        assertTrue(noModel.getMessage().contains("targetMetadata"), noModel.getMessage());

        Retort nowhere = Retort.configure().url("jdbc:nosuchdb://host/db?password=hunter2").scriptLocation(scripts).load();
        DatabaseException e = assertThrows(DatabaseException.class, nowhere::upgrade);
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    private static void entry(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream o = out;
        o.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private TreeSet<String> tables() throws SQLException {
        TreeSet<String> names = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private List<String> versionRows() throws SQLException {
        return versionRows("retort_version");
    }

    private List<String> versionRows(String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT version_num FROM " + table)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static Reporter recording(List<String> heard) {
        return new Reporter() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }

            @Override
            public void stepStarting(int index, int total, MigrationStep step) {
                heard.add("start " + step.revision().id());
            }

            @Override
            public void stepFinished(int index, int total, MigrationStep step, Duration took) {
            }
        };
    }
}
