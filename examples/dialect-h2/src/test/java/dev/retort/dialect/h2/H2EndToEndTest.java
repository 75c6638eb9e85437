package dev.retort.dialect.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.adapter.cli.CliIo;
import dev.retort.adapter.cli.RetortCli;
import dev.retort.api.Reporters;
import dev.retort.api.Retort;
import dev.retort.core.application.port.in.MigrationResult;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.MigrationFailedException;
import dev.retort.core.domain.revision.RevisionId;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proof that a dialect needs nothing outside its module: core, the Java API and the CLI, as
 * built, find this H2 dialect through its services file by the {@code jdbc:h2:} URL and run a
 * three-revision project up, check it against its model, and down again.
 */
class H2EndToEndTest {
    static final String CREATE = """
            revision: a1000000000a
            down_revision: null
            message: create account and invoice
            upgrade:
              - create_table:
                  name: account
                  comment: who pays
                  columns:
                    - {name: id, type: bigint, primary_key: true, autoincrement: true}
                    - {name: email, type: "varchar(255)", nullable: false, unique: true}
                    - {name: created_at, type: timestamp, nullable: false, default: CURRENT_TIMESTAMP}
              - create_table:
                  name: invoice
                  columns:
                    - {name: id, type: bigint, primary_key: true, autoincrement: true}
                    - {name: account_id, type: bigint, nullable: false}
                    - {name: total, type: "decimal(12,2)", nullable: false, default: 0}
                    - {name: status, type: "enum('new','paid')", nullable: false, default: "'new'"}
                  foreign_keys:
                    - {columns: [account_id], references: account(id), on_delete: cascade}
                  checks:
                    - {name: ck_invoice_total, expression: "total >= 0"}
              - create_index: {name: ix_invoice_account_id, table: invoice, columns: [account_id]}
            downgrade:
              # Not drop_index first: H2 (like MySQL) lets the foreign key use that index and refuses to drop it.
              - drop_table: invoice
              - drop_table: account
            """;
    static final String ALTER = """
            revision: b2000000000b
            down_revision: a1000000000a
            message: notes and a longer email
            upgrade:
              - add_column: {table: invoice, column: {name: note, type: text, comment: free text}}
              - alter_column: {table: account, column: email, type: "varchar(320)"}
              - rename_column: {table: invoice, column: total, new_name: amount}
            downgrade:
              - rename_column: {table: invoice, column: amount, new_name: total}
              - alter_column: {table: account, column: email, type: "varchar(255)"}
              - drop_column: {table: invoice, column: note}
            """;
    static final String RAW = """
            revision: c3000000000c
            down_revision: b2000000000b
            message: seed through raw sql for h2 only
            upgrade:
              - sql: {h2: "INSERT INTO account (email) VALUES ('a@example.com')", postgres: "this is not h2"}
            downgrade:
              - sql: {h2: "DELETE FROM account"}
            """;
    static final String MODEL = """
            tables:
              - name: account
                comment: who pays
                columns:
                  - {name: id, type: bigint, primary_key: true, autoincrement: true}
                  - {name: email, type: "varchar(320)", nullable: false, unique: true}
                  - {name: created_at, type: timestamp, nullable: false, default: CURRENT_TIMESTAMP}
              - name: invoice
                columns:
                  - {name: id, type: bigint, primary_key: true, autoincrement: true}
                  - {name: account_id, type: bigint, nullable: false}
                  - {name: amount, type: "decimal(12,2)", nullable: false, default: 0}
                  - {name: status, type: "enum('new','paid')", nullable: false, default: "'new'"}
                  - {name: note, type: text, comment: free text}
                foreign_keys:
                  - {columns: [account_id], references: account(id), on_delete: cascade}
                checks:
                  - {name: ck_invoice_total, expression: "amount >= 0"}
                indexes:
                  - {name: ix_invoice_account_id, columns: [account_id]}
            """;

    @TempDir
    Path dir;

    private Path project() throws IOException {
        Path versions = Files.createDirectories(dir.resolve("migrations/versions"));
        Files.writeString(versions.resolve("a1000000000a_create.yaml"), CREATE);
        Files.writeString(versions.resolve("b2000000000b_alter.yaml"), ALTER);
        Files.writeString(versions.resolve("c3000000000c_raw.yaml"), RAW);
        Files.writeString(dir.resolve("schema.yaml"), MODEL);
        return dir.resolve("migrations");
    }

    private String url() {
        return "jdbc:h2:" + dir.resolve("app").toAbsolutePath();
    }

    @Test
    void service_loader_finds_the_provider_from_its_services_file() {
        List<Class<?>> found = new ArrayList<>();
        ServiceLoader.load(DialectProvider.class).stream().forEach(p -> found.add(p.type()));
        assertTrue(found.contains(H2DialectProvider.class), found.toString());
    }

    @Test
    void java_api_finds_h2_by_url_upgrades_checks_and_downgrades() throws Exception {
        Retort retort = Retort.configure().url(url()).scriptLocation(project()).targetMetadata(dir.resolve("schema.yaml"))
                .reporter(Reporters.silent()).load();

        MigrationResult up = retort.upgrade("head");

        assertEquals(List.of("a1000000000a", "b2000000000b", "c3000000000c"), up.applied().stream().map(s -> s.revision().id().value()).toList());
        assertEquals(List.of("c3000000000c"), retort.current().stream().map(i -> i.id().value()).toList());
        assertEquals(List.of("account", "invoice"), userTables());
        assertEquals(1, rows("account"), "the h2 entry of the raw sql ran, the postgres one did not");
        assertTrue(retort.check().clean(), "the database after upgrade head equals the model, through H2's normalizer");

        MigrationResult down = retort.downgrade("base");

        assertEquals(3, down.applied().size());
        assertEquals(List.of(), down.headsAfter());
        assertEquals(List.of(), retort.current());
        assertEquals(List.of(), userTables(), "only Retort's version and history tables are left");
    }

    @Test
    void java_api_reports_a_failing_revision_and_keeps_the_version_before_it() throws Exception {
        Path scripts = project();
        Files.writeString(scripts.resolve("versions/c3000000000c_raw.yaml"), RAW.replace("INSERT INTO account", "INSERT INTO no_such_table"));
        Retort retort = Retort.configure().url(url()).scriptLocation(scripts).reporter(Reporters.silent()).load();

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> retort.upgrade("head"));

        assertTrue(e.getMessage().contains("c3000000000c") && e.getMessage().contains("no_such_table"), e.getMessage());
        assertTrue(e.getMessage().contains("does not roll back DDL"), "H2's capabilities say DDL is not transactional: " + e.getMessage());
        assertEquals(List.of(RevisionId.of("b2000000000b")), retort.current().stream().map(i -> i.id()).toList());
    }

    @Test
    void cli_finds_h2_by_url_and_runs_upgrade_current_and_downgrade() throws Exception {
        project();
        Files.writeString(dir.resolve("retort.yaml"), "script_location: migrations\nurl: " + url() + "\n");

        assertEquals(RetortCli.OK, cli("upgrade", "head").code, "upgrade head");
        Result current = cli("current");
        assertEquals(RetortCli.OK, current.code);
        assertTrue(current.out.contains("c3000000000c"), current.out);
        assertEquals(RetortCli.OK, cli("downgrade", "base").code, "downgrade base");
        assertFalse(cli("current").out.contains("c3000000000c"));
        assertEquals(List.of(), userTables());
    }

    @Test
    void cli_reports_an_unreachable_h2_database_as_a_database_error() throws Exception {
        project();
        Files.writeString(dir.resolve("retort.yaml"), "script_location: migrations\nurl: jdbc:h2:" + dir.resolve("no/such/dir/app")
                + ";IFEXISTS=TRUE\n");
        Result r = cli("current");
        assertEquals(RetortCli.DATABASE_ERROR, r.code, r.err);
        assertTrue(r.err.contains("Cannot connect to H2"), r.err);
        assertThrows(DatabaseException.class, () -> new H2DialectProvider().open(new dev.retort.core.application.port.out.ConnectionSettings(
                "jdbc:postgresql://localhost/x", null, null, null, null)));
    }

    private record Result(int code, String out, String err) {
    }

    private Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RetortCli.run(CliIo.capture(dir, Map.of(), out, err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private List<String> userTables() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(H2DialectProvider.driverUrl(url())); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = CURRENT_SCHEMA"
                     + " AND TABLE_NAME NOT LIKE 'retort%' ORDER BY 1")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private long rows(String table) throws SQLException {
        try (Connection c = DriverManager.getConnection(H2DialectProvider.driverUrl(url())); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
