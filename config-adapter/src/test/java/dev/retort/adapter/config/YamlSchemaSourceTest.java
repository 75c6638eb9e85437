package dev.retort.adapter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlSchemaSourceTest {
    static final String DESIGN_EXAMPLE = """
            tables:
              - name: account
                columns:
                  - {name: id, type: bigint, primary_key: true, autoincrement: true}
                  - {name: email, type: "varchar(255)", nullable: false, unique: true}
                  - {name: created_at, type: timestamp, nullable: false, default: CURRENT_TIMESTAMP}
              - name: dns_request
                columns:
                  - {name: id, type: uuid, primary_key: true}
                  - {name: domain, type: varchar, nullable: false}     # no length: PostgreSQL varchar
                  - {name: config, type: jsonb}                        # PostgreSQL jsonb; json elsewhere
                  - {name: account_id, type: bigint}
                foreign_keys:
                  - {columns: [account_id], references: account(id), on_delete: cascade}
                indexes:
                  - {name: ix_dns_request_domain, columns: [domain]}
            """;

    @TempDir
    Path dir;

    private Schema load(String text) throws IOException {
        return new YamlSchemaSource(Files.writeString(dir.resolve("schema.yaml"), text), dir).load();
    }

    private ConfigException failure(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("schema.yaml"), text);
        return assertThrows(ConfigException.class, () -> new YamlSchemaSource(file, dir).load());
    }

    @Test
    void reads_the_example_from_the_design() throws IOException {
        Schema s = load(DESIGN_EXAMPLE);

        Table account = new Table("account", List.of(
                new Column("id", ColumnType.of(ColumnType.Kind.BIGINT), false, null, true, null),
                Column.of("email", ColumnType.varchar(255), false),
                new Column("created_at", ColumnType.of(ColumnType.Kind.TIMESTAMP), false, "CURRENT_TIMESTAMP", false, null)),
                new PrimaryKey(null, List.of("id")), List.of(new UniqueConstraint("uq_account_email", List.of("email"))),
                List.of(), List.of(), List.of(), null);
        Table dns = new Table("dns_request", List.of(
                Column.of("id", ColumnType.of(ColumnType.Kind.UUID), false),
                Column.of("domain", ColumnType.of(ColumnType.Kind.VARCHAR), false),
                Column.of("config", ColumnType.of(ColumnType.Kind.JSONB), true),
                Column.of("account_id", ColumnType.of(ColumnType.Kind.BIGINT), true)),
                new PrimaryKey(null, List.of("id")), List.of(),
                List.of(new Index("ix_dns_request_domain", List.of("domain"), false)),
                List.of(new ForeignKey(null, List.of("account_id"), "account", List.of("id"), ReferentialAction.CASCADE, null)),
                List.of(), null);
        assertEquals(new Schema(List.of(account, dns)), s);
    }

    @Test
    void a_table_reads_the_same_as_create_table_in_a_revision_file() throws IOException {
        Schema s = load(DESIGN_EXAMPLE);
        Revision rev = new Revision(RevisionId.of("a1"), List.of(), List.of(), List.of(), "", null,
                s.tables().stream().<dev.retort.core.domain.operation.Operation>map(CreateTable::new).toList(), List.of(), null);

        String written = RevisionYaml.render(rev);
        Revision back = RevisionYaml.parse(written, new SourceFile(dir.resolve("r.yaml"), "r.yaml"));

        assertEquals(rev.upgrade(), back.upgrade());
        assertTrue(written.contains("- {name: email, type: varchar(255), nullable: false, unique: true}"), written);
    }

    @Test
    void a_foreign_key_must_reference_a_declared_table_and_column() throws IOException {
        ConfigException table = failure(DESIGN_EXAMPLE.replace("references: account(id)", "references: acount(id)"));
        ConfigException column = failure(DESIGN_EXAMPLE.replace("references: account(id)", "references: account(uid)"));

        assertEquals("schema.yaml:14:45: table dns_request: foreign key (account_id) references acount(id), but table acount is not declared"
                + "; expected a table declared in this file: account, dns_request", table.getMessage());
        assertEquals("schema.yaml:14:45: table dns_request: foreign key (account_id) references account(uid), but table account has no column uid"
                + "; expected a column of account: id, email, created_at", column.getMessage());
    }

    @Test
    void empty_files_and_an_empty_table_list_are_an_empty_schema() throws IOException {
        assertEquals(Schema.EMPTY, load(""));
        assertEquals(Schema.EMPTY, load("# nothing yet\ntables: []\n"));
        assertEquals(Schema.EMPTY, load("tables:\n"));
    }

    @Test
    void errors_name_file_line_and_column() throws IOException {
        assertEquals("schema.yaml:1:1: unknown key 'table' in a schema file (did you mean 'tables'?); expected one of: tables",
                failure("table: []\n").getMessage());
        assertEquals("schema.yaml:1:9: 'tables' is a mapping; expected a list of tables " + TableYaml.TABLE_SHAPE,
                failure("tables: {account: {}}\n").getMessage());
        assertStarts("schema.yaml:4:5: table 'a' is declared twice (first at line 2)",
                failure("tables:\n  - name: a\n    columns: [{name: id, type: int}]\n  - name: a\n    columns: [{name: id, type: int}]\n"));
        assertStarts("schema.yaml:3:5: unknown key 'colums' in table (did you mean 'columns'?)",
                failure("tables:\n  - name: a\n    colums: []\n"));
        assertStarts("schema.yaml:4:26: type 'decimal(2,5)': scale must be between 0 and the precision (column id)",
                failure("tables:\n  - name: a\n    columns:\n      - {name: id, type: \"decimal(2,5)\"}\n"));
        assertStarts("schema.yaml:2:5: check expression is required; expected a valid table",
                failure("tables:\n  - name: a\n    columns: [{name: id, type: int}]\n    checks: [{expression: \" \"}]\n"));
        assertStarts("schema.yaml:5:19: foreign key of table a names column 'x', which the table does not declare",
                failure("tables:\n  - name: a\n    columns: [{name: id, type: int}]\n    foreign_keys:\n      - {columns: [x], references: b(id)}\n"));
    }

    @Test
    void a_missing_file_says_where_it_was_looked_for() {
        ConfigException e = assertThrows(ConfigException.class, () -> new YamlSchemaSource(dir.resolve("models/schema.yaml"), dir).load());

        assertEquals("schema file models/schema.yaml not found (target_metadata in retort.yaml); expected a YAML file with tables: [...]",
                e.getMessage());
    }

    @Test
    void target_metadata_picks_the_file_a_class_or_a_provider() throws IOException {
        Files.writeString(dir.resolve("schema.yaml"), DESIGN_EXAMPLE);
        assertEquals(2, TargetSchemaSources.from(settings("schema.yaml")).load().tables().size());

        assertEquals(List.of("from_code"), TargetSchemaSources.from(settings("class:" + CodeSchema.class.getName())).load().tableNames());
        ConfigException missing = assertThrows(ConfigException.class,
                () -> TargetSchemaSources.from(settings("class:com.example.Nope")).load());
        assertTrue(missing.getMessage().contains("class not found") && missing.getMessage().contains("classpath:"), missing.getMessage());
        ConfigException wrongType = assertThrows(ConfigException.class,
                () -> TargetSchemaSources.from(settings("class:java.lang.String")).load());
        assertTrue(wrongType.getMessage().contains("does not implement"), wrongType.getMessage());

        ConfigException scheme = assertThrows(ConfigException.class, () -> TargetSchemaSources.from(settings("jpa:com.example")));
        assertTrue(scheme.getMessage().contains("no model provider for 'jpa:'"), scheme.getMessage());
        assertThrows(ConfigException.class, () -> TargetSchemaSources.from(settings(null)));
    }

    /** A model supplied by code, as {@code target_metadata: class:...} allows. */
    public static final class CodeSchema implements dev.retort.core.application.port.out.TargetSchemaSource {
        @Override
        public dev.retort.core.domain.schema.Schema load() {
            return new dev.retort.core.domain.schema.Schema(List.of(dev.retort.core.domain.schema.Table.of("from_code",
                    List.of(dev.retort.core.domain.schema.Column.of("id", dev.retort.core.domain.schema.ColumnType.parse("bigint"), false)))));
        }
    }

    private static void assertStarts(String prefix, ConfigException e) {
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }

    private RetortSettings settings(String targetMetadata) {
        return new RetortSettings(dir.resolve("retort.yaml"), dir, dir.resolve("m"), "jdbc:sqlite::memory:", null, null, null,
                targetMetadata, null, null, true, List.of(), List.of(), List.of(), java.util.Map.of(), List.of(), null, null);
    }

}
