package dev.retort.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.operation.CreateTable;
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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code normalize(target) == normalize(inspect(apply(target)))}, and spellings SQLite treats alike compare equal. */
class SqliteSchemaNormalizerTest {
    private final SqliteSchemaNormalizer normalizer = new SqliteSchemaNormalizer();

    @TempDir
    Path dir;

    @Test
    void the_online_and_the_offline_dialect_use_it() {
        SqliteDialectProvider provider = new SqliteDialectProvider();
        ConnectionSettings settings = new ConnectionSettings("jdbc:sqlite:" + dir.resolve("n.db"), null, null, null, null);
        assertEquals(SqliteSchemaNormalizer.class, provider.offline(settings).normalizer().getClass());
        try (var dialect = provider.open(settings)) {
            assertEquals(SqliteSchemaNormalizer.class, dialect.normalizer().getClass());
        }
    }

    @Test
    void drops_comments_makes_key_columns_not_null_and_forgets_the_name_of_an_inline_autoincrement_key() {
        Table t = new Table("t", List.of(new Column("id", ColumnType.parse("bigint"), true, null, true, "the key"),
                new Column("c", ColumnType.parse("text"), true, null, false, "a column")),
                new PrimaryKey("pk_t", List.of("id")), List.of(new UniqueConstraint("uq_t_c", List.of("c"))), List.of(), List.of(),
                List.of(new CheckConstraint("ck_t_c", "c <> ''")), "a table");
        Table n = normalizer.normalize(new Schema(List.of(t))).tables().get(0);
        assertNull(n.comment());
        assertNull(n.columns().get(0).comment());
        assertEquals(false, n.columns().get(0).nullable());
        assertNull(n.primaryKey().name(), "INTEGER PRIMARY KEY AUTOINCREMENT is inline, where SQLite keeps no constraint name");
        assertEquals("uq_t_c", n.uniqueConstraints().get(0).name());
        assertEquals("ck_t_c", n.checks().get(0).name());

        Table named = t.withColumns(List.of(Column.of("id", ColumnType.parse("bigint"), false), Column.of("c", ColumnType.parse("text"), true)));
        assertEquals("pk_t", normalizer.normalize(new Schema(List.of(named))).tables().get(0).primaryKey().name());
    }

    @Test
    void gives_defaults_and_checks_one_spelling() {
        List<List<String>> alike = List.of(
                List.of("CURRENT_TIMESTAMP", "current_timestamp", "(current_timestamp)", " Current_Timestamp "),
                List.of("0", "(0)", "((0))"),
                List.of("datetime('now', 'localtime')", "DATETIME( 'now','localtime' )"),
                List.of("\"qty\" >= 0", "qty>=0", "(QTY >= 0)", "qty /* why */ >= 0"));
        for (List<String> group : alike) {
            for (String spelling : group) {
                assertEquals(defaultOf(group.get(0)), defaultOf(spelling), spelling);
                assertEquals(checkOf(group.get(0)), checkOf(spelling), spelling);
            }
        }
        assertNull(defaultOf("NULL"), "DEFAULT NULL is no default");
        assertEquals("'Ab'", defaultOf("'Ab'"), "string literals keep their case");
        assertEquals(defaultOf("x'0A'"), defaultOf(defaultOf("x'0A'")));
    }

    private String defaultOf(String expression) {
        Table t = Table.of("t", List.of(new Column("c", ColumnType.parse("text"), true, expression, false, null)));
        return normalizer.normalize(new Schema(List.of(t))).tables().get(0).columns().get(0).defaultValue();
    }

    private String checkOf(String expression) {
        Table t = Table.of("t", List.of(Column.of("qty", ColumnType.parse("integer"), true))).withChecks(List.of(new CheckConstraint(null, expression)));
        return normalizer.normalize(new Schema(List.of(t))).tables().get(0).checks().get(0).expression();
    }

    @Test
    void a_hand_written_table_compares_equal_to_the_model_it_matches() throws Exception {
        try (SqliteTestDatabase db = new SqliteTestDatabase(dir.resolve("hand.db"))) {
            db.sql("CREATE TABLE item (id integer primary key, qty int not null default 0 check (qty>=0), made timestamp default current_timestamp, "
                    + "kind citext)");
            Table model = new Table("item", List.of(Column.of("id", ColumnType.parse("integer"), false),
                    new Column("qty", ColumnType.parse("integer"), false, "(0)", false, null),
                    new Column("made", ColumnType.parse("timestamp"), true, "CURRENT_TIMESTAMP", false, "when it was made"),
                    Column.of("kind", ColumnType.parse("CITEXT"), true)),
                    new PrimaryKey(null, List.of("id")), null, null, null, List.of(new CheckConstraint(null, "\"qty\" >= 0")), null);
            assertEquals(normalizer.normalize(new Schema(List.of(model))), normalizer.normalize(db.inspect()));
        }
    }

    // ---------------------------------------------------------------- round trip

    @Property(tries = 40)
    void a_created_table_inspects_as_its_model(@ForAll("tables") Table table) throws IOException {
        Path dir = Files.createTempDirectory("retort-normalizer");
        try (SqliteTestDatabase db = new SqliteTestDatabase(dir.resolve("p.db"))) {
            Schema target = new Schema(List.of(table));
            db.dialect.renderer().render(new CreateTable(table)).forEach(db.dialect::execute);
            Schema normalizedTarget = normalizer.normalize(target);
            assertEquals(normalizedTarget, normalizer.normalize(db.inspect()));
            assertEquals(normalizedTarget, normalizer.normalize(normalizedTarget), "idempotent");
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static final List<String> TYPES = List.of("smallint", "integer", "bigint", "decimal(12,2)", "real", "double", "boolean", "char(3)",
            "varchar(255)", "varchar", "text", "date", "time", "timestamp(3)", "timestamptz", "uuid", "json", "jsonb", "binary(16)", "blob",
            "enum('new','paid')", "citext");
    private static final List<String> DEFAULTS = List.of("0", "(1)", "'x'", "'It''s'", "CURRENT_TIMESTAMP", "current_date", "NULL", "-1.5",
            "datetime('now')");

    @Provide
    Arbitrary<Table> tables() {
        Arbitrary<Column> column = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.of(true, false),
                        Arbitraries.of(DEFAULTS).injectNull(0.5), Arbitraries.strings().alpha().ofLength(5).injectNull(0.7))
                .as((type, nullable, def, comment) -> new Column("x", ColumnType.parse(type), nullable, def, false, comment));
        return Combinators.combine(column.list().ofMinSize(1).ofMaxSize(6), Arbitraries.integers().between(0, 3), Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 1 << 12), Arbitraries.strings().alpha().ofLength(4).injectNull(0.4))
                .as(SqliteSchemaNormalizerTest::table);
    }

    /** A table from drawn parts; {@code bits} choose which keys, constraints and indexes it has, named or not. */
    private static Table table(List<Column> drawn, int keyKind, boolean bigintKey, int bits, String name) {
        List<Column> columns = new ArrayList<>();
        PrimaryKey pk = null;
        if (keyKind == 1) {
            columns.add(new Column("id", ColumnType.parse(bigintKey ? "bigint" : "integer"), false, null, true, null));
            pk = new PrimaryKey(name, List.of("id"));
        } else if (keyKind == 2) {
            columns.add(Column.of("id", ColumnType.parse(bigintKey ? "bigint" : "text"), false));
            pk = new PrimaryKey(name, List.of("id"));
        }
        for (int i = 0; i < drawn.size(); i++) {
            columns.add(drawn.get(i).withName("c" + i));
        }
        if (keyKind == 3) {
            pk = new PrimaryKey(name, List.of("c0", columns.size() > 1 ? "c1" : "c0").stream().distinct().toList());
        }
        String named = name == null ? null : name + "_";
        List<UniqueConstraint> uniques = (bits & 1) == 0 ? List.of() : List.of(new UniqueConstraint(named == null ? null : named + "uq", List.of("c0")));
        List<Index> indexes = (bits & 2) == 0 ? List.of() : List.of(new Index("ix_" + bits, List.of(columns.get(columns.size() - 1).name()), (bits & 4) != 0));
        List<CheckConstraint> checks = (bits & 8) == 0 ? List.of()
                : List.of(new CheckConstraint((bits & 16) == 0 ? null : "ck_" + bits, "\"c0\" IS NOT NULL OR " + (bits & 32)));
        List<ForeignKey> fks = (bits & 64) == 0 || pk == null || pk.columns().size() != 1 ? List.of()
                : List.of(new ForeignKey((bits & 128) == 0 ? null : "fk_" + bits, List.of("c0"), "t", pk.columns(),
                        ReferentialAction.values()[bits % 5], ReferentialAction.values()[(bits >> 8) % 5]));
        if (!fks.isEmpty()) {
            ColumnType keyType = columns.stream().filter(c -> c.name().equals(fks.get(0).referencedColumns().get(0))).findFirst().orElseThrow().type();
            columns.set(columns.indexOf(columns.stream().filter(c -> c.name().equals("c0")).findFirst().orElseThrow()),
                    columns.stream().filter(c -> c.name().equals("c0")).findFirst().orElseThrow().withType(keyType));
        }
        return new Table("t", columns, pk, uniques, indexes, fks, checks, (bits & 256) == 0 ? null : "table comment");
    }
}
