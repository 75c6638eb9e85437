package dev.retort.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropTable;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.RenameColumn;
import dev.retort.core.domain.operation.RenameTable;
import dev.retort.core.domain.operation.SchemaEvolution;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.revision.VersionChange;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL behaviour beyond the shared contract: enum type lifecycle, USING casts on data, identity, transactional DDL, type rules. */
class PostgresDialectTest {
    private PostgresTestSchema db;
    private Schema model = Schema.EMPTY;

    @BeforeEach
    void open() throws Exception {
        db = PostgresTestSchema.create("retort_pg");
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
    }

    private void apply(Operation op) {
        db.dialect.renderer().render(op, model).forEach(db.dialect::execute);
        model = SchemaEvolution.apply(model, op);
    }

    private List<String> query(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement st = db.dialect.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private List<String> enumTypes() throws Exception {
        return query("SELECT t.typname || '=' || string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t"
                + " JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_enum e ON e.enumtypid = t.oid"
                + " WHERE n.nspname = current_schema() GROUP BY t.typname ORDER BY 1");
    }

    private static Table ticket() {
        return new Table("ticket", List.of(new Column("id", ColumnType.parse("bigint"), false, null, true, null),
                new Column("state", ColumnType.parse("enum('new','paid')"), false, "'new'", false, null)),
                new PrimaryKey(null, List.of("id")), null, null, null, null, null);
    }

    @Test
    void enum_types_are_named_after_their_column_follow_renames_and_go_with_their_last_column() throws Exception {
        apply(new CreateTable(ticket()));
        assertEquals(List.of("ticket_state_enum=new,paid"), enumTypes());
        apply(new AddColumn("ticket", Column.of("kind", ColumnType.parse("enum('bug','idea')"), true)));
        apply(new RenameTable("ticket", "issue"));
        apply(new RenameColumn("issue", "state", "status"));
        assertEquals(List.of("issue_kind_enum=bug,idea", "issue_status_enum=new,paid"), enumTypes());
        apply(new AlterColumn("issue", "status", ColumnType.parse("enum('new','paid','void')"), null, null, null));
        assertEquals(List.of("issue_kind_enum=bug,idea", "issue_status_enum=new,paid,void"), enumTypes());
        apply(new DropColumn("issue", "kind"));
        assertEquals(List.of("issue_status_enum=new,paid,void"), enumTypes());
        apply(new AlterColumn("issue", "status", ColumnType.parse("varchar(10)"), null, null, null));
        assertEquals(List.of(), enumTypes());
        apply(new AlterColumn("issue", "status", ColumnType.parse("enum('new','paid')"), null, null, null));
        apply(new DropTable("issue"));
        assertEquals(List.of(), enumTypes());
    }

    @Test
    void changing_column_types_keeps_the_values_through_using_casts() throws Exception {
        apply(new CreateTable(new Table("item", List.of(new Column("id", ColumnType.parse("integer"), false, null, false, null),
                Column.of("qty", ColumnType.parse("varchar(10)"), true), new Column("state", ColumnType.parse("text"), true, "'new'", false, null),
                Column.of("data", ColumnType.parse("text"), true), Column.of("flag", ColumnType.parse("integer"), true)),
                new PrimaryKey(null, List.of("id")), null, null, null, null, null)));
        db.dialect.execute("INSERT INTO item (id, qty, state, data, flag) VALUES (1, '42', 'paid', '{\"a\": 1}', 1)");
        apply(new AlterColumn("item", "qty", ColumnType.parse("integer"), null, null, null));
        apply(new AlterColumn("item", "state", ColumnType.parse("enum('new','paid')"), null, null, null));
        apply(new AlterColumn("item", "data", ColumnType.parse("jsonb"), null, null, null));
        apply(new AlterColumn("item", "flag", ColumnType.parse("boolean"), null, null, null));
        assertEquals(List.of("42|paid|1|true"), query("SELECT qty + 0 || '|' || state || '|' || (data->>'a') || '|' || flag FROM item"));
        assertEquals(PostgresDialect.NORMALIZER.normalize(model), PostgresDialect.NORMALIZER.normalize(db.dialect.inspector().inspect()));
        db.dialect.execute("INSERT INTO item (id) VALUES (2)");
        assertEquals(List.of("new"), query("SELECT state FROM item WHERE id = 2"), "the default came back on the enum");
    }

    @Test
    void autoincrement_columns_are_identities() throws Exception {
        apply(new CreateTable(ticket()));
        db.dialect.execute("INSERT INTO ticket (state) VALUES ('new'), ('paid')");
        assertEquals(List.of("1", "2"), query("SELECT id FROM ticket ORDER BY id"));
        assertEquals(List.of("d"), query("SELECT attidentity FROM pg_attribute WHERE attrelid = 'ticket'::regclass AND attname = 'id'"));
    }

    @Test
    void dropping_an_indexed_column_drops_its_index_as_the_model_says() {
        apply(new CreateTable(new Table("doc", List.of(Column.of("id", ColumnType.parse("integer"), false), Column.of("title", ColumnType.parse("text"), true)),
                null, null, List.of(new Index("ix_doc_title", List.of("title"), false)), null, null, null)));
        apply(new DropColumn("doc", "title"));
        assertEquals(PostgresDialect.NORMALIZER.normalize(model), PostgresDialect.NORMALIZER.normalize(db.dialect.inspector().inspect()));
    }

    @Test
    void a_failing_revision_rolls_back_its_enum_types_tables_and_version_row() throws Exception {
        db.dialect.versionStore().create();
        db.dialect.begin();
        try {
            apply(new CreateTable(ticket()));
            db.dialect.versionStore().apply(new VersionChange.Insert(RevisionId.of("abcdef123456")));
            assertThrows(DatabaseException.class, () -> db.dialect.execute("ALTER TABLE ticket ADD COLUMN broken no_such_type"));
        } finally {
            db.dialect.rollback();
        }
        assertEquals(List.of(), db.dialect.inspector().inspect().tables());
        assertEquals(List.of(), enumTypes());
        assertEquals(List.of(), db.dialect.versionStore().heads());
        assertFalse(db.dialect.inTransaction());
    }

    @Test
    void a_model_in_other_spellings_compares_equal_to_what_postgresql_stores() {
        Table written = new Table("spelling", List.of(
                new Column("id", ColumnType.parse("serial"), false, null, false, null),
                new Column("amount", ColumnType.parse("numeric(10,2)"), true, "'0'", false, null),
                new Column("at", ColumnType.parse("timestamptz"), true, "now()", false, null),
                new Column("flag", ColumnType.parse("bool"), true, "TRUE", false, ""),
                new Column("code", ColumnType.parse("char"), true, "'x'", false, null),
                new Column("raw", ColumnType.parse("binary(16)"), true, null, false, null),
                new Column("at_time", ColumnType.parse("timetz"), true, null, false, null),
                new Column("tags", ColumnType.parse("int[]"), true, null, false, null)),
                new PrimaryKey(null, List.of("id")), null, null, null, null, "");
        apply(new CreateTable(written));
        assertEquals(PostgresDialect.NORMALIZER.normalize(new Schema(List.of(written))),
                PostgresDialect.NORMALIZER.normalize(db.dialect.inspector().inspect()));
    }
}
