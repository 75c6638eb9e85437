package dev.retort.adapter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.operation.AddCheckConstraint;
import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.AddForeignKey;
import dev.retort.core.domain.operation.AddPrimaryKey;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.ConstraintType;
import dev.retort.core.domain.operation.CreateIndex;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.DropIndex;
import dev.retort.core.domain.operation.DropTable;
import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.RenameColumn;
import dev.retort.core.domain.operation.RenameTable;
import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionFileTest {
    static final String DESIGN_EXAMPLE = """
            revision: 3f2a9c1b7d4e
            down_revision: 1a2b3c4d5e6f        # a list for a merge; null for a base
            branch_labels: []
            depends_on: []
            message: add invoice
            created: 2026-11-25T10:00:00Z
            upgrade:
              - create_table:
                  name: invoice
                  columns:
                    - {name: id, type: bigint, primary_key: true, autoincrement: true}
                    - {name: account_id, type: bigint, nullable: false}
                    - {name: total, type: "decimal(12,2)", nullable: false, default: "0"}
                  foreign_keys:
                    - {columns: [account_id], references: account(id), on_delete: cascade}
              - create_index: {name: ix_invoice_account_id, table: invoice, columns: [account_id]}
              - sql: {postgres: "SELECT 1", mysql: "SELECT 2", sqlite: "SELECT 3"}
            downgrade:
              - drop_index: {name: ix_invoice_account_id, table: invoice}
              - drop_table: invoice
            """;

    static final Table INVOICE = new Table("invoice", List.of(
            new Column("id", ColumnType.of(ColumnType.Kind.BIGINT), false, null, true, null),
            Column.of("account_id", ColumnType.of(ColumnType.Kind.BIGINT), false),
            new Column("total", ColumnType.decimal(12, 2), false, "0", false, null)),
            new PrimaryKey(null, List.of("id")), List.of(), List.of(),
            List.of(new ForeignKey(null, List.of("account_id"), "account", List.of("id"), ReferentialAction.CASCADE, null)),
            List.of(), null);

    @TempDir
    Path dir;

    private YamlScriptRepository repo() {
        return new YamlScriptRepository(dir, "%(rev)s_%(slug)s", dir);
    }

    private Path versions() throws IOException {
        return Files.createDirectories(dir.resolve("versions"));
    }

    @Test
    void reads_the_example_from_the_design() throws IOException {
        Files.writeString(versions().resolve("3f2a9c1b7d4e_add_invoice.yaml"), DESIGN_EXAMPLE);

        Revision rev = repo().loadAll().get(0);

        assertEquals(RevisionId.of("3f2a9c1b7d4e"), rev.id());
        assertEquals(List.of(RevisionId.of("1a2b3c4d5e6f")), rev.downRevisions());
        assertEquals("add invoice", rev.message());
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), rev.created());
        assertEquals("versions/3f2a9c1b7d4e_add_invoice.yaml", rev.source());
        assertEquals(List.of(
                new CreateTable(INVOICE),
                new CreateIndex("invoice", new Index("ix_invoice_account_id", List.of("account_id"), false)),
                new ExecuteSql(null, Map.of("postgres", "SELECT 1", "mysql", "SELECT 2", "sqlite", "SELECT 3"))), rev.upgrade());
        assertEquals(List.of(new DropIndex("invoice", "ix_invoice_account_id"), new DropTable("invoice")), rev.downgrade());
    }

    @Test
    void reads_every_operation_form() throws IOException {
        Files.writeString(versions().resolve("a1_all.yaml"), """
                revision: a1
                down_revision: [b1, c1]
                branch_labels: billing
                depends_on: [d1]
                upgrade:
                  - drop_table: {name: old}
                  - rename_table: {name: a, new_name: b}
                  - add_column: {table: t, column: {name: note, type: text, default: "'n/a'", comment: why}}
                  - drop_column: {table: t, column: note}
                  - alter_column: {table: t, column: c, type: "varchar(20)", nullable: false, default: null, comment: hi}
                  - alter_column: {table: t, column: c, default: 5}
                  - rename_column: {table: t, column: c, new_name: d}
                  - create_index: {name: ix, table: t, columns: c, unique: true}
                  - add_primary_key: {table: t, columns: [a, b], name: pk_t}
                  - add_unique_constraint: {table: t, columns: [a]}
                  - add_foreign_key: {table: t, columns: [a, b], references: "u(x, y)", on_delete: set null, on_update: CASCADE, name: fk}
                  - add_check_constraint: {table: t, expression: a > 0, name: ck}
                  - drop_constraint: {table: t, name: fk, type: foreign_key}
                  - sql: DELETE FROM t
                  - sql: {all: SELECT 1, sqlite: SELECT 2}
                  - sql: |
                      UPDATE t
                        SET a = 1;
                downgrade:
                """);

        Revision rev = repo().loadAll().get(0);

        assertEquals(List.of(RevisionId.of("b1"), RevisionId.of("c1")), rev.downRevisions());
        assertTrue(rev.isMerge());
        assertEquals(List.of("billing"), rev.branchLabels());
        assertEquals(List.of("d1"), rev.dependsOn());
        assertEquals("", rev.message());
        assertEquals(null, rev.created());
        assertEquals(List.<Operation>of(
                new DropTable("old"),
                new RenameTable("a", "b"),
                new AddColumn("t", new Column("note", ColumnType.of(ColumnType.Kind.TEXT), true, "'n/a'", false, "why")),
                new DropColumn("t", "note"),
                new AlterColumn("t", "c", ColumnType.varchar(20), false, new AlterColumn.Change(null), new AlterColumn.Change("hi")),
                new AlterColumn("t", "c", null, null, new AlterColumn.Change("5"), null),
                new RenameColumn("t", "c", "d"),
                new CreateIndex("t", new Index("ix", List.of("c"), true)),
                new AddPrimaryKey("t", new PrimaryKey("pk_t", List.of("a", "b"))),
                new AddUniqueConstraint("t", new UniqueConstraint(null, List.of("a"))),
                new AddForeignKey("t", new ForeignKey("fk", List.of("a", "b"), "u", List.of("x", "y"), ReferentialAction.SET_NULL,
                        ReferentialAction.CASCADE)),
                new AddCheckConstraint("t", new CheckConstraint("ck", "a > 0")),
                new DropConstraint("t", "fk", ConstraintType.FOREIGN_KEY),
                ExecuteSql.of("DELETE FROM t"),
                new ExecuteSql("SELECT 1", Map.of("sqlite", "SELECT 2")),
                ExecuteSql.of("UPDATE t\n  SET a = 1;\n")), rev.upgrade());
        assertEquals(List.of(), rev.downgrade());
    }

    @Test
    void reads_table_level_keys_and_column_level_unique() throws IOException {
        Files.writeString(versions().resolve("a1.yaml"), """
                revision: a1
                down_revision: null
                upgrade:
                  - create_table:
                      name: member
                      comment: people
                      columns:
                        - {name: tenant, type: int}
                        - {name: email, type: "varchar(255)", unique: true}
                        - {name: flag, type: bool, default: yes}
                        - {name: nick, type: text, nullable: false}
                      primary_key: [tenant, email]
                      unique: [[tenant, nick]]
                      unique_constraints:
                        - {name: uq_custom, columns: [nick]}
                      indexes:
                        - {name: ix_member_nick, columns: [nick]}
                      checks:
                        - {expression: "length(nick) > 0"}
                """);

        Table t = ((CreateTable) repo().loadAll().get(0).upgrade().get(0)).definition();

        assertEquals(new PrimaryKey(null, List.of("tenant", "email")), t.primaryKey());
        assertFalse(t.column("tenant").orElseThrow().nullable(), "a primary key column is not null by default");
        assertFalse(t.column("email").orElseThrow().nullable());
        assertTrue(t.column("flag").orElseThrow().nullable());
        assertEquals("true", t.column("flag").orElseThrow().defaultValue());
        assertEquals(List.of(new UniqueConstraint("uq_member_email", List.of("email")),
                new UniqueConstraint("uq_member_tenant_nick", List.of("tenant", "nick")),
                new UniqueConstraint("uq_custom", List.of("nick"))), t.uniqueConstraints());
        assertEquals(List.of(new CheckConstraint(null, "length(nick) > 0")), t.checks());
        assertEquals("people", t.comment());
        String written = String.join("\n", TableYaml.lines(t));
        assertTrue(written.contains("\n  - {name: email, type: varchar(255), primary_key: true, unique: true}\n"), written);
        assertTrue(written.contains("\nunique: [[tenant, nick]]\nunique_constraints:\n  - {name: uq_custom, columns: [nick]}\n"), written);
    }

    @Test
    void reads_a_byte_order_mark_and_a_time_with_an_offset() throws IOException {
        Files.writeString(versions().resolve("a1.yaml"), "\uFEFFrevision: a1\ndown_revision: null\ncreated: 2026-11-25T12:00:00+02:00\n");

        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), repo().loadAll().get(0).created());
    }

    @Test
    void writes_readable_yaml_in_the_design_shape() {
        Revision rev = new Revision(RevisionId.of("3f2a9c1b7d4e"), List.of(RevisionId.of("1a2b3c4d5e6f")), List.of(), List.of(),
                "add invoice", Instant.parse("2026-11-25T10:00:00Z"),
                List.of(new CreateTable(INVOICE),
                        new CreateIndex("invoice", new Index("ix_invoice_account_id", List.of("account_id"), false)),
                        new ExecuteSql(null, Map.of("postgres", "SELECT 1", "sqlite", "SELECT 'x, y'")),
                        ExecuteSql.of("UPDATE invoice\n  SET total = 0\n")),
                List.of(new DropIndex("invoice", "ix_invoice_account_id"), new DropTable("invoice")), null);

        String path = repo().write(rev);

        assertEquals("versions/3f2a9c1b7d4e_add_invoice.yaml", path);
        assertEquals("""
                revision: 3f2a9c1b7d4e
                down_revision: 1a2b3c4d5e6f
                branch_labels: []
                depends_on: []
                message: add invoice
                created: 2026-11-25T10:00:00Z
                upgrade:
                  - create_table:
                      name: invoice
                      columns:
                        - {name: id, type: bigint, primary_key: true, autoincrement: true}
                        - {name: account_id, type: bigint, nullable: false}
                        - {name: total, type: "decimal(12,2)", nullable: false, default: "0"}
                      foreign_keys:
                        - {columns: [account_id], references: account(id), on_delete: cascade}
                  - create_index: {name: ix_invoice_account_id, table: invoice, columns: [account_id]}
                  - sql: {postgres: SELECT 1, sqlite: "SELECT 'x, y'"}
                  - sql: |
                      UPDATE invoice
                        SET total = 0
                downgrade:
                  - drop_index: {name: ix_invoice_account_id, table: invoice}
                  - drop_table: invoice
                """, read(dir.resolve(path)));
        assertEquals(rev.upgrade(), repo().loadAll().get(0).upgrade());
    }

    @Test
    void writes_a_base_with_null_and_a_merge_as_a_list() {
        Revision base = new Revision(RevisionId.of("aaaaaaaaaaaa"), List.of(), List.of("main"), List.of(), "", null, List.of(), List.of(), null);
        Revision merge = new Revision(RevisionId.of("bbbbbbbbbbbb"), List.of(RevisionId.of("aaaaaaaaaaaa"), RevisionId.of("123456789012")),
                List.of(), List.of("ccc"), "merge heads", null, List.of(), List.of(), null);

        String basePath = repo().write(base);
        String mergePath = repo().write(merge);

        assertEquals("versions/aaaaaaaaaaaa.yaml", basePath, "an empty message gives just the id");
        assertEquals("""
                revision: aaaaaaaaaaaa
                down_revision: null
                branch_labels: [main]
                depends_on: []
                message: ""
                upgrade: []
                downgrade: []
                """, read(dir.resolve(basePath)));
        assertTrue(read(dir.resolve(mergePath)).contains("down_revision: [aaaaaaaaaaaa, \"123456789012\"]\n"), read(dir.resolve(mergePath)));
        List<Revision> loaded = repo().loadAll();
        assertEquals(withSource(base, basePath), loaded.get(0));
        assertEquals(withSource(merge, mergePath), loaded.get(1));
    }

    @Test
    void refuses_to_overwrite_and_creates_versions_when_missing() {
        Revision rev = new Revision(RevisionId.of("abc"), List.of(), List.of(), List.of(), "Add Invoice!", null, List.of(), List.of(), null);
        assertFalse(Files.exists(dir.resolve("versions")));

        repo().write(rev);
        ConfigException e = assertThrows(ConfigException.class, () -> repo().write(rev));

        assertTrue(Files.isRegularFile(dir.resolve("versions/abc_add_invoice.yaml")));
        assertTrue(e.getMessage().contains("versions/abc_add_invoice.yaml already exists"), e.getMessage());
    }

    @Test
    void loads_yaml_files_sorted_by_name_and_ignores_others() throws IOException {
        Path v = versions();
        Files.writeString(v.resolve("b_second.yml"), "revision: b\ndown_revision: a\n");
        Files.writeString(v.resolve("a_first.yaml"), "revision: a\ndown_revision: null\n");
        Files.writeString(v.resolve(".hidden.yaml"), "not: [valid");
        Files.writeString(v.resolve("_draft.yaml"), "not: [valid");
        Files.writeString(v.resolve("notes.txt"), "not: [valid");
        Files.createDirectories(v.resolve("sub.yaml"));

        List<Revision> revs = repo().loadAll();

        assertEquals(List.of("a", "b"), revs.stream().map(r -> r.id().value()).toList());
        assertEquals("versions/b_second.yml", revs.get(1).source());
    }

    @Test
    void an_empty_script_location_has_no_revisions_but_a_missing_one_is_an_error() throws IOException {
        assertEquals(List.of(), repo().loadAll());

        ConfigException e = assertThrows(ConfigException.class,
                () -> new YamlScriptRepository(dir.resolve("nope"), null, dir).loadAll());
        assertTrue(e.getMessage().contains("script_location nope does not exist; run `retort init"), e.getMessage());
    }

    @Test
    void file_names_follow_the_template_and_slug_rules() {
        Instant created = Instant.parse("2026-01-02T03:04:05Z");
        Revision rev = new Revision(RevisionId.of("3f2a9c1b7d4e"), List.of(), List.of(), List.of(),
                "  Add Café invoices -- and a VERY long message that keeps going!  ", created, List.of(), List.of(), null);

        assertEquals("3f2a9c1b7d4e_add_cafe_invoices_and_a_very_long_messa",
                new FileTemplate("%(rev)s_%(slug)s").render(rev));
        assertEquals("2026_01_02_0304-3f2a9c1b7d4e", new FileTemplate("%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-%(rev)s")
                .render(rev));
        assertEquals("", FileTemplate.slug("!!!"));
        assertEquals(40, FileTemplate.slug("x".repeat(100)).length());
        assertThrows(ConfigException.class, () -> new FileTemplate("%(rev)s_%(name)s"));
        assertThrows(ConfigException.class, () -> new FileTemplate("sub/%(rev)s"));
    }

    private static Revision withSource(Revision r, String source) {
        return new Revision(r.id(), r.downRevisions(), r.branchLabels(), r.dependsOn(), r.message(), r.created(), r.upgrade(),
                r.downgrade(), source);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
