package dev.retort.dialect.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.CreateIndex;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropIndex;
import dev.retort.core.domain.operation.DropTable;
import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.RenameColumn;
import dev.retort.core.domain.operation.RenameTable;
import dev.retort.core.domain.operation.SchemaEvolution;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.revision.VersionChange;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every dialect module extends: for each operation, render, execute, inspect,
 * and compare with the model {@link SchemaEvolution} computes (after {@link SchemaNormalizer}).
 * Each test gets a fresh, empty database from {@link #openFreshDatabase()}.
 */
public abstract class DialectContractTest {
    /** The dialect under test, open on a fresh database during each test. */
    protected JdbcDialect dialect;
    private Schema model = Schema.EMPTY;

    /** @return a dialect open on a new, empty database (or schema) that only this test uses */
    protected abstract JdbcDialect openFreshDatabase() throws Exception;

    /** Removes what {@link #openFreshDatabase()} created, after the dialect was closed. */
    protected void discardDatabase() throws Exception {
    }

    /** Whether the dialect renders and reads back a feature; see {@link ContractFeature}. */
    protected boolean supports(ContractFeature feature) {
        return true;
    }

    /** The portable types that read back as themselves; all of them unless a dialect says otherwise. */
    protected List<ColumnType> roundTripTypes() {
        return List.of(ColumnType.parse("smallint"), ColumnType.parse("integer"), ColumnType.parse("bigint"),
                ColumnType.parse("decimal(12,2)"), ColumnType.parse("real"), ColumnType.parse("double"), ColumnType.parse("boolean"),
                ColumnType.parse("char(3)"), ColumnType.parse("varchar(255)"), ColumnType.parse("varchar"), ColumnType.parse("text"),
                ColumnType.parse("date"), ColumnType.parse("time"), ColumnType.parse("timestamp"), ColumnType.parse("timestamp(3)"),
                ColumnType.parse("timestamptz"), ColumnType.parse("uuid"), ColumnType.parse("json"), ColumnType.parse("jsonb"),
                ColumnType.parse("binary(16)"), ColumnType.parse("blob"), ColumnType.parse("enum('new','paid')"));
    }

    @BeforeEach
    void openDialect() throws Exception {
        dialect = openFreshDatabase();
        model = Schema.EMPTY;
    }

    @AfterEach
    void closeDialect() throws Exception {
        if (dialect != null) {
            dialect.close();
        }
        discardDatabase();
    }

    // ---------------------------------------------------------------- helpers

    /** Renders and executes {@code op}, then checks the inspected schema against the model. */
    protected void apply(Operation op) {
        for (String sql : dialect.renderer().render(op)) {
            dialect.execute(sql);
        }
        model = SchemaEvolution.apply(model, op);
        assertInspectedEqualsModel("after " + op.describe());
    }

    protected void assertInspectedEqualsModel(String when) {
        SchemaNormalizer normalizer = new SchemaNormalizer(this::supports);
        assertEquals(normalizer.normalize(model), normalizer.normalize(dialect.inspector().inspect()), "inspected schema " + when);
    }

    protected String q(String identifier) {
        return dialect.quoting().identifier(identifier);
    }

    protected long count(String table) {
        try (Statement st = dialect.connection().createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + q(table))) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError("cannot count rows of " + table + ": " + e.getMessage(), e);
        }
    }

    protected List<String> tableNames() {
        return dialect.inspector().inspect().tableNames().stream().sorted().toList();
    }

    protected static Column column(String name, String type) {
        return Column.of(name, ColumnType.parse(type), true);
    }

    protected static Column notNull(String name, String type) {
        return Column.of(name, ColumnType.parse(type), false);
    }

    protected static Column autoincrementKey(String name, String type) {
        return new Column(name, ColumnType.parse(type), false, null, true, null);
    }

    protected static Table table(String name, PrimaryKey pk, Column... columns) {
        return new Table(name, List.of(columns), pk, List.of(), List.of(), List.of(), List.of(), null);
    }

    protected static PrimaryKey pk(String... columns) {
        return new PrimaryKey(null, List.of(columns));
    }

    private static Table account() {
        return table("account", pk("id"), autoincrementKey("id", "bigint"), notNull("email", "varchar(255)"),
                new Column("created_at", ColumnType.parse("timestamp"), false, "CURRENT_TIMESTAMP", false, null))
                .withUniqueConstraints(List.of(new UniqueConstraint(null, List.of("email"))));
    }

    private static Table invoice() {
        return table("invoice", pk("id"), autoincrementKey("id", "bigint"), notNull("account_id", "bigint"),
                notNull("number", "varchar(40)"),
                new Column("total", ColumnType.parse("decimal(12,2)"), false, "0", false, null),
                new Column("status", ColumnType.parse("varchar(20)"), true, "'new'", false, null),
                column("note", "text"))
                .withForeignKeys(List.of(new ForeignKey(null, List.of("account_id"), "account", List.of("id"), ReferentialAction.CASCADE, null)))
                .withIndexes(List.of(new Index("ux_invoice_number", List.of("number"), true)));
    }

    // ---------------------------------------------------------------- tests

    @Test
    void fresh_database_inspects_as_empty() {
        assertEquals(List.of(), dialect.inspector().inspect().tables());
    }

    @Test
    void create_table_with_primary_key_autoincrement_not_null_default_foreign_key_and_unique_index() {
        apply(new CreateTable(account()));
        apply(new CreateTable(invoice()));

        dialect.execute("INSERT INTO " + q("account") + " (" + q("email") + ") VALUES ('a@example.com')");
        dialect.execute("INSERT INTO " + q("invoice") + " (" + q("account_id") + ", " + q("number") + ") VALUES (1, 'N-1')");
        assertThrows(DatabaseException.class,
                () -> dialect.execute("INSERT INTO " + q("invoice") + " (" + q("account_id") + ", " + q("number") + ") VALUES (1, 'N-1')"),
                "the unique index rejects a second N-1");
        assertThrows(DatabaseException.class,
                () -> dialect.execute("INSERT INTO " + q("invoice") + " (" + q("account_id") + ", " + q("number") + ") VALUES (99, 'N-2')"),
                "the foreign key rejects an unknown account");
        dialect.execute("DELETE FROM " + q("account"));
        assertEquals(0, count("invoice"), "ON DELETE CASCADE removed the invoice");
    }

    @Test
    void create_table_with_composite_primary_key_and_unique_constraint() {
        apply(new CreateTable(table("membership", pk("team_id", "user_id"), notNull("team_id", "integer"), notNull("user_id", "integer"),
                column("badge", "varchar(30)"), column("role", "varchar(30)"))
                .withUniqueConstraints(List.of(new UniqueConstraint("uq_membership_badge_role", List.of("badge", "role"))))));
    }

    @Test
    void create_table_with_check_constraint_and_enum_column() {
        apply(new CreateTable(table("item", pk("id"), notNull("id", "integer"), notNull("qty", "integer"),
                new Column("state", ColumnType.parse("enum('new','paid','it''s')"), true, null, false, null))
                .withChecks(List.of(new CheckConstraint("ck_item_qty", "qty >= 0")))));
        dialect.execute("INSERT INTO " + q("item") + " (" + q("id") + ", " + q("qty") + ", " + q("state") + ") VALUES (1, 1, 'it''s')");
        assertThrows(DatabaseException.class,
                () -> dialect.execute("INSERT INTO " + q("item") + " (" + q("id") + ", " + q("qty") + ") VALUES (2, -1)"),
                "the check rejects a negative quantity");
        assertThrows(DatabaseException.class,
                () -> dialect.execute("INSERT INTO " + q("item") + " (" + q("id") + ", " + q("qty") + ", " + q("state") + ") VALUES (3, 1, 'x')"),
                "the enum rejects a value it does not list");
    }

    @Test
    void every_portable_type_round_trips() {
        List<Column> columns = new ArrayList<>();
        columns.add(notNull("id", "integer"));
        List<ColumnType> types = roundTripTypes();
        for (int i = 0; i < types.size(); i++) {
            columns.add(new Column("c" + i + "_" + types.get(i).kind().name().toLowerCase(java.util.Locale.ROOT), types.get(i), true, null, false, null));
        }
        apply(new CreateTable(table("all_types", pk("id"), columns.toArray(Column[]::new))));
    }

    @Test
    void add_column_then_drop_column() {
        apply(new CreateTable(table("person", pk("id"), notNull("id", "integer"), column("name", "varchar(100)"))));
        apply(new AddColumn("person", column("nickname", "varchar(50)")));
        apply(new AddColumn("person", new Column("score", ColumnType.parse("integer"), false, "0", false, null)));
        apply(new DropColumn("person", "nickname"));
    }

    @Test
    void create_and_drop_indexes() {
        apply(new CreateTable(table("event", pk("id"), notNull("id", "integer"), notNull("kind", "varchar(20)"), column("at", "timestamp"))));
        apply(new CreateIndex("event", new Index("ix_event_kind_at", List.of("kind", "at"), false)));
        apply(new CreateIndex("event", new Index("ux_event_at", List.of("at"), true)));
        apply(new DropIndex("event", "ix_event_kind_at"));
        apply(new DropIndex("event", "ux_event_at"));
    }

    @Test
    void rename_table_keeps_foreign_keys_pointing_at_it() {
        apply(new CreateTable(account()));
        apply(new CreateTable(invoice()));
        apply(new RenameTable("account", "customer"));
    }

    @Test
    void rename_column() {
        apply(new CreateTable(table("person", pk("id"), notNull("id", "integer"), column("name", "varchar(100)"))));
        apply(new CreateIndex("person", new Index("ix_person_name", List.of("name"), false)));
        apply(new RenameColumn("person", "name", "full_name"));
    }

    @Test
    void drop_table() {
        apply(new CreateTable(account()));
        apply(new CreateTable(invoice()));
        apply(new DropTable("invoice"));
        apply(new DropTable("account"));
    }

    @Test
    void raw_sql_runs_every_statement_of_a_script() {
        String script = "CREATE TABLE raw_a (id INTEGER, note VARCHAR(20));\n"
                + "-- a comment; with a semicolon\n"
                + "INSERT INTO raw_a (id, note) VALUES (1, 'x;y');\n"
                + "CREATE TABLE raw_b (id INTEGER);";
        List<String> statements = dialect.renderer().render(ExecuteSql.of(script));
        assertEquals(3, statements.size(), statements.toString());
        // Raw SQL is outside the model; the table list and the rows tell what it did.
        statements.forEach(dialect::execute);
        assertEquals(List.of("raw_a", "raw_b"), tableNames());
        assertEquals(1, count("raw_a"));
    }

    @Test
    void raw_sql_for_this_dialect_wins_and_sql_for_others_is_skipped() {
        Map<String, String> perDialect = Map.of(dialect.name(), "CREATE TABLE mine (id INTEGER)", "some_other_db", "this is not SQL");
        dialect.renderer().render(new ExecuteSql("CREATE TABLE generic (id INTEGER)", perDialect)).forEach(dialect::execute);
        assertEquals(List.of(), dialect.renderer().render(new ExecuteSql(null, Map.of("some_other_db", "this is not SQL"))));
        assertEquals(List.of("mine"), tableNames());
    }

    @Test
    void version_store_creates_inserts_updates_deletes_and_lists_sorted_heads() {
        var store = dialect.versionStore();
        assertFalse(store.exists());
        assertEquals(List.of(), store.heads(), "heads of a missing table");
        store.create();
        store.create();
        assertTrue(store.exists());
        assertEquals(List.of(), store.heads());

        String wide = "r".repeat(128);
        store.apply(new VersionChange.Insert(RevisionId.of("bbbbbbbbbbbb")));
        store.apply(new VersionChange.Insert(RevisionId.of("aaaaaaaaaaaa")));
        store.apply(new VersionChange.Insert(RevisionId.of(wide)));
        assertEquals(List.of(RevisionId.of("aaaaaaaaaaaa"), RevisionId.of("bbbbbbbbbbbb"), RevisionId.of(wide)), store.heads());

        store.apply(new VersionChange.Update(RevisionId.of("aaaaaaaaaaaa"), RevisionId.of("cccccccccccc")));
        store.apply(new VersionChange.Delete(RevisionId.of(wide)));
        assertEquals(List.of(RevisionId.of("bbbbbbbbbbbb"), RevisionId.of("cccccccccccc")), store.heads());
        assertThrows(DatabaseException.class, () -> store.apply(new VersionChange.Delete(RevisionId.of("dddddddddddd"))),
                "deleting a row that is not there means the table is out of step");
        assertThrows(DatabaseException.class,
                () -> store.apply(new VersionChange.Update(RevisionId.of("dddddddddddd"), RevisionId.of("eeeeeeeeeeee"))));

        assertEquals(List.of(), dialect.inspector().inspect().tables(), "the version table is not a user table");
        store.clear();
        assertEquals(List.of(), store.heads());
        assertTrue(store.exists());
    }

    @Test
    void failing_statement_reports_the_database_message_on_one_line() {
        DatabaseException e = assertThrows(DatabaseException.class, () -> dialect.execute("SELECT * FROM no_such_table_here"));
        assertTrue(e.getMessage().contains("no_such_table_here"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void failing_statement_inside_a_transaction_rolls_back_the_ddl_before_it() {
        assumeTrue(dialect.capabilities().transactionalDdl(), dialect.name() + " commits DDL implicitly");
        apply(new CreateTable(table("kept", pk("id"), notNull("id", "integer"))));
        List<String> before = tableNames();

        dialect.begin();
        try {
            dialect.renderer().render(new CreateTable(table("doomed", pk("id"), notNull("id", "integer")))).forEach(dialect::execute);
            dialect.versionStore().create();
            dialect.versionStore().apply(new VersionChange.Insert(RevisionId.of("abcdef123456")));
            assertThrows(DatabaseException.class, () -> dialect.execute("INSERT INTO no_such_table_here VALUES (1)"));
        } finally {
            dialect.rollback();
        }

        assertEquals(before, tableNames());
        assertFalse(dialect.versionStore().exists(), "the version table created in the transaction is gone too");
        assertFalse(dialect.inTransaction());
    }

    @Test
    void begin_commit_and_rollback_keep_to_their_contract() {
        dialect.rollback();
        assertThrows(IllegalStateException.class, dialect::commit, "commit without begin");
        dialect.begin();
        assertTrue(dialect.inTransaction());
        assertThrows(IllegalStateException.class, dialect::begin, "begin inside a transaction");
        dialect.rollback();
        dialect.rollback();
        assertFalse(dialect.inTransaction());
        dialect.close();
        dialect.close();
        dialect.rollback();
    }

    @Test
    void committed_transaction_keeps_its_changes() {
        dialect.begin();
        dialect.versionStore().create();
        dialect.versionStore().apply(new VersionChange.Insert(RevisionId.of("abcdef123456")));
        dialect.commit();
        assertFalse(dialect.inTransaction());
        assertEquals(List.of(RevisionId.of("abcdef123456")), dialect.versionStore().heads());
    }
}
