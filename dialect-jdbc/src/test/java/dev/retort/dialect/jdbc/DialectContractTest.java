package dev.retort.dialect.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.UnsupportedOperationForDialectException;
import dev.retort.core.domain.diff.DiffOptions;
import dev.retort.core.domain.diff.SchemaDiff;
import dev.retort.core.domain.operation.AddCheckConstraint;
import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.AddForeignKey;
import dev.retort.core.domain.operation.AddPrimaryKey;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.AlterTable;
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
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every dialect module extends, unchanged: for each operation kind, render
 * (with the schema model before it), execute, inspect, and compare with the model
 * {@link SchemaEvolution} computes; then run the inverse operations
 * ({@link SchemaEvolution#invertAll}) and check the database is back where it started. Both sides
 * are compared through the dialect's {@code normalizer()} and then {@link SchemaNormalizer}
 * (which leaves out what {@link #supports} says the dialect does not read back). A jqwik property
 * does the same for random schemas from {@link SchemaArbitraries}.
 *
 * <p>An operation the dialect's renderer refuses ({@link UnsupportedOperationForDialectException})
 * skips the test that needs it, with the renderer's reason, rather than failing it: the suite
 * then starts checking it on the day the dialect learns it.
 *
 * <p>Each JUnit test gets a fresh, empty database from {@link #openFreshDatabase()}; each try of
 * the property gets its own too (jqwik runs no JUnit callbacks, so the property opens and discards
 * it itself, and {@link ContractPropertyLifecycle} fills {@code @TempDir} fields).
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

    /** Defaults the random schemas may give a column of {@code type}; see {@link SchemaArbitraries#standardDefaults}. */
    protected List<String> defaultValues(ColumnType type) {
        return SchemaArbitraries.standardDefaults(type);
    }

    /** Whether random schemas may index or key a column of {@code type}; see {@link SchemaArbitraries#standardIndexable}. */
    protected boolean indexable(ColumnType type) {
        return SchemaArbitraries.standardIndexable(type);
    }

    /** The foreign key actions random schemas use; SET DEFAULT is left out (InnoDB refuses it). */
    protected List<ReferentialAction> referentialActions() {
        return List.of(ReferentialAction.NO_ACTION, ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.SET_NULL);
    }

    /** What the random schemas of the property are made of. */
    protected SchemaArbitraries.Options schemaOptions() {
        return new SchemaArbitraries.Options(roundTripTypes(), this::defaultValues, this::indexable, referentialActions(),
                supports(ContractFeature.COMMENTS), 4);
    }

    /**
     * Database objects that belong to no table of the model but were left behind by the rendered
     * DDL (PostgreSQL: enum types no column uses); checked empty after every round trip. None by
     * default.
     */
    protected List<String> leftoverObjects() throws Exception {
        return List.of();
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

    /** The form both sides are compared in: the dialect's normalizer, then the suite's. */
    protected Schema comparable(Schema schema) {
        return new SchemaNormalizer(this::supports).normalize(dialect.normalizer().normalize(schema));
    }

    /** The model the tests so far have built. */
    protected Schema model() {
        return model;
    }

    /** Renders {@code op} with the model before it, executes it, then checks the inspected schema against the model. */
    protected void apply(Operation op) {
        for (String sql : dialect.renderer().render(op, model)) {
            dialect.execute(sql);
        }
        model = SchemaEvolution.apply(model, op);
        assertInspectedEqualsModel("after " + op.describe());
    }

    protected void assertInspectedEqualsModel(String when) {
        assertEquals(comparable(model), comparable(dialect.inspector().inspect()), "inspected schema " + when);
    }

    /**
     * Creates {@code start}, applies {@code ops} one by one (each checked as in {@link #apply}),
     * then applies their inverses and checks the database equals the start again and nothing is
     * left over. Skips the test when the renderer refuses one of the operations or inverses.
     */
    protected void roundTrip(List<Table> start, Operation... ops) throws Exception {
        for (Table t : start) {
            apply(new CreateTable(t));
        }
        Schema startModel = model;
        List<Operation> upgrade = List.of(ops);
        List<Operation> downgrade = SchemaEvolution.invertAll(startModel, upgrade);
        assumeRenders(startModel, upgrade, downgrade);
        for (Operation op : upgrade) {
            apply(op);
        }
        for (Operation op : downgrade) {
            apply(op);
        }
        assertEquals(comparable(startModel), comparable(dialect.inspector().inspect()), "after the downgrade the database is back at the start");
        assertEquals(List.of(), leftoverObjects(), "objects left behind");
    }

    /**
     * Like {@link #roundTrip}, but renders the operations, and then their inverses, together as
     * one revision ({@code DdlRenderer.renderAll}, where a dialect may merge them), checking the
     * database after each group.
     */
    protected void roundTripAsOneRevision(List<Table> start, Operation... ops) throws Exception {
        for (Table t : start) {
            apply(new CreateTable(t));
        }
        Schema startModel = model;
        List<Operation> upgrade = List.of(ops);
        List<Operation> downgrade = SchemaEvolution.invertAll(startModel, upgrade);
        assumeRenders(startModel, upgrade, downgrade);
        for (List<Operation> revision : List.of(upgrade, downgrade)) {
            for (String sql : dialect.renderer().renderAll(revision, model)) {
                dialect.execute(sql);
            }
            model = SchemaEvolution.applyAll(model, revision);
            assertInspectedEqualsModel("after " + revision.size() + " operations rendered together");
        }
        assertEquals(comparable(startModel), comparable(dialect.inspector().inspect()), "after the downgrade the database is back at the start");
        assertEquals(List.of(), leftoverObjects(), "objects left behind");
    }

    private void assumeRenders(Schema start, List<Operation> upgrade, List<Operation> downgrade) {
        List<Operation> all = new ArrayList<>(upgrade);
        all.addAll(downgrade);
        Schema s = start;
        for (Operation op : all) {
            try {
                dialect.renderer().render(op, s);
            } catch (UnsupportedOperationForDialectException e) {
                Assumptions.abort(dialect.name() + " cannot render " + op.describe() + " yet: " + e.getMessage());
            }
            s = SchemaEvolution.apply(s, op);
        }
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

    protected void insert(String table, String columns, String values) {
        dialect.execute("INSERT INTO " + q(table) + " (" + columns + ") VALUES (" + values + ")");
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

    private static Table person() {
        return table("person", pk("id"), notNull("id", "integer"), column("name", "varchar(100)"));
    }

    // ---------------------------------------------------------------- tests: whole tables

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
    void create_table_with_comments() {
        apply(new CreateTable(table("noted", pk("id"), notNull("id", "integer"),
                new Column("body", ColumnType.parse("text"), true, null, false, "it's the body")).withComment("notes, with 'quotes'")));
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
    void create_table_round_trips() throws Exception {
        roundTrip(List.of(), new CreateTable(account()), new CreateTable(invoice()));
    }

    @Test
    void drop_table_round_trips() throws Exception {
        roundTrip(List.of(account(), invoice()), new DropTable("invoice"), new DropTable("account"));
    }

    @Test
    void rename_table_round_trips_and_keeps_foreign_keys_pointing_at_it() throws Exception {
        roundTrip(List.of(account(), invoice()), new RenameTable("account", "customer"));
    }

    // ---------------------------------------------------------------- tests: columns

    @Test
    void add_column_round_trips() throws Exception {
        roundTrip(List.of(person()),
                new AddColumn("person", column("nickname", "varchar(50)")),
                new AddColumn("person", new Column("score", ColumnType.parse("integer"), false, "0", false, null)),
                new AddColumn("person", new Column("bio", ColumnType.parse("text"), true, null, false, "free text")));
    }

    @Test
    void drop_column_round_trips() throws Exception {
        Table t = table("person", pk("id"), notNull("id", "integer"), column("name", "varchar(100)"),
                new Column("nickname", ColumnType.parse("varchar(50)"), true, "'none'", false, null))
                .withIndexes(List.of(new Index("ix_person_nickname", List.of("nickname"), false)));
        roundTrip(List.of(t), new DropIndex("person", "ix_person_nickname"), new DropColumn("person", "nickname"));
    }

    @Test
    void alter_column_type_round_trips() throws Exception {
        Table t = table("measure", pk("id"), notNull("id", "integer"), column("qty", "integer"), column("label", "varchar(20)"),
                column("amount", "decimal(10,2)"));
        roundTrip(List.of(t),
                new AlterColumn("measure", "qty", ColumnType.parse("bigint"), null, null, null),
                new AlterColumn("measure", "label", ColumnType.parse("varchar(100)"), null, null, null),
                new AlterColumn("measure", "amount", ColumnType.parse("decimal(14,4)"), null, null, null));
    }

    @Test
    void alter_column_type_keeps_the_values() throws Exception {
        apply(new CreateTable(table("measure", pk("id"), notNull("id", "integer"), column("qty", "integer"), column("label", "varchar(20)"))));
        insert("measure", q("id") + ", " + q("qty") + ", " + q("label"), "1, 5, 'abc'");
        roundTrip(List.of(), new AlterColumn("measure", "qty", ColumnType.parse("bigint"), null, null, null),
                new AlterColumn("measure", "label", ColumnType.parse("text"), null, null, null));
        assertEquals(1, count("measure"));
    }

    @Test
    void alter_column_nullability_round_trips() throws Exception {
        roundTrip(List.of(person()), new AlterColumn("person", "name", null, false, null, null));
        apply(new AlterColumn("person", "name", null, false, null, null));
        assertThrows(DatabaseException.class, () -> insert("person", q("id"), "1"), "a NOT NULL column rejects a row without it");
    }

    @Test
    void alter_column_default_round_trips() throws Exception {
        Table t = table("setting", pk("id"), notNull("id", "integer"), column("label", "varchar(20)"),
                new Column("level", ColumnType.parse("integer"), true, "1", false, null));
        roundTrip(List.of(t),
                new AlterColumn("setting", "label", null, null, new AlterColumn.Change("'x'"), null),
                new AlterColumn("setting", "label", null, null, new AlterColumn.Change("'y'"), null),
                new AlterColumn("setting", "level", null, null, new AlterColumn.Change(null), null),
                new AlterColumn("setting", "level", null, null, new AlterColumn.Change("0"), null));
    }

    @Test
    void alter_column_comment_round_trips() throws Exception {
        roundTrip(List.of(person()),
                new AlterColumn("person", "name", null, null, null, new AlterColumn.Change("the name")),
                new AlterColumn("person", "name", null, null, null, new AlterColumn.Change("it's the full name")),
                new AlterColumn("person", "name", null, null, null, new AlterColumn.Change(null)));
    }

    @Test
    void alter_table_comment_round_trips() throws Exception {
        roundTrip(List.of(person()),
                AlterTable.comment("person", "people we know"),
                AlterTable.comment("person", "it's everyone; really"),
                AlterTable.comment("person", null));
    }

    @Test
    void autogenerate_finds_a_changed_table_comment_where_the_database_keeps_comments() {
        Table noted = person().withComment("old words");
        apply(new CreateTable(noted));
        DiffOptions options = DiffOptions.DEFAULT.withComparable(dialect.normalizer()::normalize);
        Schema want = new Schema(List.of(noted.withComment("new words")));
        List<Operation> ops = SchemaDiff.compare(dialect.inspector().inspect(), want, options);
        if (supports(ContractFeature.COMMENTS)) {
            assertEquals(List.of(AlterTable.comment("person", "new words")), ops);
            apply(ops.get(0));
            assertEquals(List.of(), SchemaDiff.compare(dialect.inspector().inspect(), want, options), "after applying the change");
        } else {
            assertEquals(List.of(), ops, "a database without comments has nothing to change");
        }
    }

    @Test
    void alter_column_type_nullability_default_and_comment_at_once_round_trips() throws Exception {
        roundTrip(List.of(table("thing", pk("id"), notNull("id", "integer"), new Column("size", ColumnType.parse("integer"), true, "1", false, null))),
                new AlterColumn("thing", "size", ColumnType.parse("bigint"), false, new AlterColumn.Change("2"), new AlterColumn.Change("size in mm")));
    }

    @Test
    void rename_column_round_trips() throws Exception {
        Table parent = table("person", pk("id"), notNull("id", "integer"), column("name", "varchar(100)"))
                .withIndexes(List.of(new Index("ix_person_name", List.of("name"), false)));
        Table child = table("pet", pk("id"), notNull("id", "integer"), column("owner_id", "integer"))
                .withForeignKeys(List.of(new ForeignKey("fk_pet_owner", List.of("owner_id"), "person", List.of("id"), null, null)));
        roundTrip(List.of(parent, child), new RenameColumn("person", "name", "full_name"), new RenameColumn("person", "id", "person_id"),
                new RenameColumn("pet", "owner_id", "person_id"));
    }

    // ---------------------------------------------------------------- tests: enums

    @Test
    void add_and_drop_enum_column_round_trips() throws Exception {
        Table t = table("ticket", pk("id"), notNull("id", "integer"),
                new Column("priority", ColumnType.parse("enum('low','high')"), true, null, false, null));
        roundTrip(List.of(t),
                new AddColumn("ticket", new Column("state", ColumnType.parse("enum('new','paid','it''s')"), false, "'new'", false, null)),
                new DropColumn("ticket", "priority"));
    }

    @Test
    void drop_table_with_enum_columns_round_trips() throws Exception {
        Table t = table("ticket", pk("id"), notNull("id", "integer"), new Column("state", ColumnType.parse("enum('new','paid')"), true, null, false, null));
        roundTrip(List.of(t), new DropTable("ticket"));
    }

    @Test
    void alter_column_to_and_between_enums_round_trips() throws Exception {
        Table t = table("ticket", pk("id"), notNull("id", "integer"), new Column("state", ColumnType.parse("varchar(10)"), true, "'new'", false, null));
        apply(new CreateTable(t));
        insert("ticket", q("id") + ", " + q("state"), "1, 'paid'");
        roundTrip(List.of(),
                new AlterColumn("ticket", "state", ColumnType.parse("enum('new','paid')"), null, null, null),
                new AlterColumn("ticket", "state", ColumnType.parse("enum('new','paid','void')"), null, new AlterColumn.Change("'void'"), null));
        assertEquals(1, count("ticket"));
    }

    @Test
    void rename_table_and_column_with_enum_round_trips() throws Exception {
        Table t = table("ticket", pk("id"), notNull("id", "integer"), new Column("state", ColumnType.parse("enum('new','paid')"), true, null, false, null));
        roundTrip(List.of(t), new RenameColumn("ticket", "state", "status"), new RenameTable("ticket", "issue"),
                new AddColumn("issue", new Column("kind", ColumnType.parse("enum('bug','idea')"), true, null, false, null)));
    }

    // ---------------------------------------------------------------- tests: indexes and constraints

    @Test
    void create_index_round_trips() throws Exception {
        Table t = table("event", pk("id"), notNull("id", "integer"), notNull("kind", "varchar(20)"), column("at", "timestamp"));
        roundTrip(List.of(t), new CreateIndex("event", new Index("ix_event_kind_at", List.of("kind", "at"), false)),
                new CreateIndex("event", new Index("ux_event_at_kind", List.of("at", "kind"), true)));
    }

    @Test
    void drop_index_round_trips() throws Exception {
        Table t = table("event", pk("id"), notNull("id", "integer"), notNull("kind", "varchar(20)"), column("at", "timestamp"))
                .withIndexes(List.of(new Index("ix_event_kind", List.of("kind"), false), new Index("ux_event_at", List.of("at"), true)));
        roundTrip(List.of(t), new DropIndex("event", "ix_event_kind"), new DropIndex("event", "ux_event_at"));
    }

    @Test
    void add_primary_key_round_trips() throws Exception {
        Table t = table("tag", null, notNull("name", "varchar(40)"), notNull("lang", "char(2)"), column("label", "varchar(40)"));
        roundTrip(List.of(t), new AddPrimaryKey("tag", new PrimaryKey("pk_tag", List.of("name", "lang"))));
    }

    @Test
    void add_unique_constraint_round_trips() throws Exception {
        roundTrip(List.of(table("member", pk("id"), notNull("id", "integer"), column("team", "integer"), column("badge", "varchar(20)"))),
                new AddUniqueConstraint("member", new UniqueConstraint("uq_member_team_badge", List.of("team", "badge"))));
    }

    @Test
    void add_foreign_key_round_trips_and_acts_on_delete() throws Exception {
        Table parent = table("owner", pk("id"), notNull("id", "integer"));
        Table child = table("pet", pk("id"), notNull("id", "integer"), column("owner_id", "integer"));
        roundTrip(List.of(parent, child), new AddForeignKey("pet", new ForeignKey("fk_pet_owner", List.of("owner_id"), "owner", List.of("id"),
                ReferentialAction.SET_NULL, ReferentialAction.CASCADE)));
        apply(new AddForeignKey("pet", new ForeignKey("fk_pet_owner", List.of("owner_id"), "owner", List.of("id"), ReferentialAction.CASCADE, null)));
        insert("owner", q("id"), "1");
        insert("pet", q("id") + ", " + q("owner_id"), "10, 1");
        dialect.execute("DELETE FROM " + q("owner"));
        assertEquals(0, count("pet"), "ON DELETE CASCADE removed the pet");
    }

    @Test
    void add_check_constraint_round_trips() throws Exception {
        roundTrip(List.of(table("stock", pk("id"), notNull("id", "integer"), column("qty", "integer"))),
                new AddCheckConstraint("stock", new CheckConstraint("ck_stock_qty", "qty >= 0")));
    }

    @Test
    void drop_constraint_round_trips_for_every_kind() throws Exception {
        Table parent = table("owner", pk("id"), notNull("id", "integer"));
        Table child = new Table("pet", List.of(notNull("id", "integer"), column("owner_id", "integer"), column("name", "varchar(40)"),
                column("age", "integer")), new PrimaryKey("pk_pet", List.of("id")),
                List.of(new UniqueConstraint("uq_pet_name", List.of("name"))), List.of(),
                List.of(new ForeignKey("fk_pet_owner", List.of("owner_id"), "owner", List.of("id"), ReferentialAction.CASCADE, null)),
                List.of(new CheckConstraint("ck_pet_age", "age >= 0")), null);
        roundTrip(List.of(parent, child),
                new DropConstraint("pet", "fk_pet_owner", ConstraintType.FOREIGN_KEY),
                new DropConstraint("pet", "uq_pet_name", ConstraintType.UNIQUE),
                new DropConstraint("pet", "ck_pet_age", ConstraintType.CHECK),
                new DropConstraint("pet", "pk_pet", ConstraintType.PRIMARY_KEY));
    }

    @Test
    void operations_rendered_together_as_one_revision_round_trip() throws Exception {
        Table t = table("person", pk("id"), notNull("id", "integer"), column("name", "varchar(100)"), column("age", "integer"));
        roundTripAsOneRevision(List.of(t),
                new AddColumn("person", new Column("state", ColumnType.parse("enum('new','old')"), true, "'new'", false, null)),
                new AlterColumn("person", "name", ColumnType.parse("varchar(200)"), false, new AlterColumn.Change("'?'"), null),
                new AddCheckConstraint("person", new CheckConstraint("ck_person_age", "age >= 0")),
                new CreateIndex("person", new Index("ix_person_name", List.of("name"), false)),
                // Not "age": the model does not rewrite check expressions when a column is renamed.
                new RenameColumn("person", "name", "full_name"),
                new AddUniqueConstraint("person", new UniqueConstraint("uq_person_name", List.of("full_name"))),
                new RenameTable("person", "human"));
    }

    @Test
    void raw_sql_leaves_the_model_as_it_is_and_has_no_automatic_inverse() {
        apply(new CreateTable(person()));
        ExecuteSql insert = ExecuteSql.of("INSERT INTO " + q("person") + " (" + q("id") + ") VALUES (1)");
        apply(insert);
        assertEquals(1, count("person"));
        assertThrows(RuntimeException.class, () -> SchemaEvolution.invert(model(), insert));
    }

    // ---------------------------------------------------------------- property: random schemas

    private String propertySkipped;

    /** Opens and discards one database, so an unavailable one aborts before any try; see {@link ContractPropertyLifecycle}. */
    void probeDatabase() throws Exception {
        try {
            openFreshDatabase().close();
        } finally {
            discardDatabase();
        }
    }

    /** Makes the tries of the running property return at once; it is reported as skipped. */
    void skipProperty(String reason) {
        propertySkipped = reason;
    }

    @Provide
    Arbitrary<Schema> contractSchemas() {
        return SchemaArbitraries.schemas(schemaOptions());
    }

    /**
     * Creates every table of a random schema (in order, so foreign keys find their tables), checks
     * the inspected schema equals it, drops the tables in reverse order and checks nothing is left.
     */
    @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(ContractPropertyLifecycle.class)
    void random_schemas_are_read_back_as_created_and_dropped_to_nothing(@ForAll("contractSchemas") Schema schema) throws Exception {
        if (propertySkipped != null) {
            return;
        }
        model = Schema.EMPTY;
        try {
            dialect = openFreshDatabase();
            for (Table t : schema.tables()) {
                for (String sql : dialect.renderer().render(new CreateTable(t), model)) {
                    dialect.execute(sql);
                }
                model = SchemaEvolution.apply(model, new CreateTable(t));
            }
            assertEquals(comparable(schema), comparable(dialect.inspector().inspect()), "inspected schema after creating every table");
            for (int i = schema.tables().size() - 1; i >= 0; i--) {
                DropTable drop = new DropTable(schema.tables().get(i).name());
                for (String sql : dialect.renderer().render(drop, model)) {
                    dialect.execute(sql);
                }
                model = SchemaEvolution.apply(model, drop);
            }
            assertEquals(List.of(), dialect.inspector().inspect().tables(), "tables after dropping them all");
            assertEquals(List.of(), leftoverObjects(), "objects left behind");
        } finally {
            if (dialect != null) {
                dialect.close();
                dialect = null;
            }
            discardDatabase();
        }
    }

    /**
     * Autogenerate's promise, on random schemas: diff from an empty database, upgrade, diff again —
     * nothing left to do; then the generated downgrade returns the database to the start.
     */
    @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
    @AddLifecycleHook(ContractPropertyLifecycle.class)
    void autogenerate_from_empty_upgrade_then_autogenerate_again_finds_nothing(@ForAll("contractSchemas") Schema schema) throws Exception {
        if (propertySkipped != null) {
            return;
        }
        try {
            dialect = openFreshDatabase();
            Schema start = dialect.inspector().inspect();
            DiffOptions options = DiffOptions.DEFAULT.withComparable(dialect.normalizer()::normalize);
            List<Operation> upgrade = SchemaDiff.compare(start, schema, options);
            List<Operation> downgrade = SchemaEvolution.invertAll(start, upgrade);
            for (String sql : dialect.renderer().renderAll(upgrade, start)) {
                dialect.execute(sql);
            }
            List<Operation> again = SchemaDiff.compare(dialect.inspector().inspect(), schema, options);
            assertEquals(List.of(), again.stream().map(Operation::describe).toList(), "autogenerate right after upgrade");
            for (String sql : dialect.renderer().renderAll(downgrade, SchemaEvolution.applyAll(start, upgrade))) {
                dialect.execute(sql);
            }
            assertEquals(comparable(start), comparable(dialect.inspector().inspect()), "database after the generated downgrade");
            assertEquals(List.of(), leftoverObjects(), "objects left behind");
        } finally {
            if (dialect != null) {
                dialect.close();
                dialect = null;
            }
            discardDatabase();
        }
    }

    // ---------------------------------------------------------------- tests: raw sql, version table, transactions

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
