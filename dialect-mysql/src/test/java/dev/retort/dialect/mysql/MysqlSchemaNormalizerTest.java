package dev.retort.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.diff.DiffOptions;
import dev.retort.core.domain.diff.SchemaDiff;
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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The normalizer's promise: a target model, applied and inspected, compares equal to itself, and
 * autogenerate finds nothing to do.
 */
class MysqlSchemaNormalizerTest {
    private final MysqlSchemaNormalizer normalizer = new MysqlSchemaNormalizer();

    private static Column col(String name, String type, boolean nullable, String dflt, String comment) {
        return new Column(name, ColumnType.parse(type), nullable, dflt, false, comment);
    }

    /** Everything the normalizer has an opinion about, written the way a user might. */
    static Schema target() {
        Table account = new Table("account", List.of(
                new Column("id", ColumnType.parse("bigint"), true, null, true, "the key"),
                col("email", "varchar", false, null, null),
                col("active", "boolean", false, "TRUE", null),
                col("archived", "boolean", true, "0", null),
                col("created_at", "timestamp", false, "now()", null),
                col("touched_at", "timestamptz(3)", true, "CURRENT_TIMESTAMP", null),
                col("closed_at", "timestamp(0)", true, null, null),
                col("born_on", "date", true, "curdate()", null),
                col("balance", "decimal(12,2)", true, "'0.00'", ""),
                col("ratio", "real", true, "1.50", null),
                col("public_id", "uuid", false, "(UUID())", null),
                col("settings", "jsonb", true, null, null),
                col("kind", "enum('a','b','it''s')", true, "'a'", null),
                col("body", "text", true, "'x'", null),
                col("code", "char", true, null, null),
                col("raw", "binary", true, null, null),
                col("amount", "decimal", true, "NULL", null),
                col("hits", "INT(11) UNSIGNED", false, "'0'", null),
                col("legacy_flag", "tinyint(1)", true, "'1'", null)),
                new PrimaryKey("pk_account", List.of("id")),
                List.of(new UniqueConstraint(null, List.of("email"))),
                List.of(new Index("ix_account_kind", List.of("kind"), false), new Index("ux_account_public_id", List.of("public_id"), true)),
                List.of(),
                List.of(new CheckConstraint(null, "ratio >= 0 AND kind IN ('a', 'b', 'it''s')")), "");
        Table invoice = new Table("invoice", List.of(
                col("id", "integer", false, null, null),
                col("account_id", "bigint", false, null, null),
                col("parent_id", "integer", true, null, null),
                col("total", "decimal(10,2)", false, "0", "in cents? no, in units")),
                new PrimaryKey(null, List.of("id")),
                List.of(new UniqueConstraint("uq_invoice_account_total", List.of("account_id", "total"))),
                List.of(),
                List.of(new ForeignKey(null, List.of("account_id"), "account", List.of("id"), ReferentialAction.CASCADE, null),
                        new ForeignKey("fk_invoice_parent", List.of("parent_id"), "invoice", List.of("id"), ReferentialAction.SET_NULL, null)),
                List.of(new CheckConstraint("ck_invoice_total", "(`total` >= 0)")), "invoices");
        return new Schema(List.of(invoice, account));
    }

    @Test
    void a_target_applied_and_inspected_normalizes_to_the_target_and_autogenerate_finds_nothing() throws Exception {
        try (MysqlTestDatabase db = MysqlTestDatabase.create("retort_norm")) {
            Schema target = target();
            Schema applied = Schema.EMPTY;
            for (String name : List.of("account", "invoice")) {
                Table t = target.table(name).orElseThrow();
                db.apply(new CreateTable(t), applied);
                applied = applied.withTable(t);
            }
            Schema inspected = db.inspect();
            assertEquals(normalizer.normalize(target), normalizer.normalize(inspected));
            assertEquals(List.of(), SchemaDiff.compare(inspected, target, DiffOptions.DEFAULT.withComparable(normalizer::normalize)),
                    "autogenerate against the database it just made");
        }
    }

    @Test
    void is_idempotent_and_what_offline_scripts_use() {
        Schema once = normalizer.normalize(target());
        assertEquals(once, normalizer.normalize(once));
        Schema offline = new MysqlDialectProvider().offline(new ConnectionSettings("jdbc:mysql://h/db", null, null, null, null))
                .normalizer().normalize(target());
        assertEquals(once, offline);
    }

    @Test
    void maps_types_defaults_and_names_to_what_mysql_keeps() {
        Table t = normalizer.normalize(target()).table("account").orElseThrow();
        assertEquals(ColumnType.parse("char(36)"), t.column("public_id").orElseThrow().type());
        assertEquals(ColumnType.parse("json"), t.column("settings").orElseThrow().type());
        assertEquals(ColumnType.parse("varchar(255)"), t.column("email").orElseThrow().type());
        assertEquals(ColumnType.parse("timestamp"), t.column("closed_at").orElseThrow().type());
        assertEquals("true", t.column("active").orElseThrow().defaultValue());
        assertEquals("current_timestamp(3)", t.column("touched_at").orElseThrow().defaultValue());
        assertEquals("0", t.column("balance").orElseThrow().defaultValue());
        assertEquals(null, t.column("amount").orElseThrow().defaultValue());
        assertEquals(null, t.column("balance").orElseThrow().comment());
        assertEquals(false, t.column("id").orElseThrow().nullable());
        assertEquals(null, t.primaryKey().name());
        assertEquals("ratio>=0 and kind in('a','b','it''s')", t.checks().get(0).expression());
        Table invoice = normalizer.normalize(target()).table("invoice").orElseThrow();
        assertEquals("uq_invoice_account_total", invoice.uniqueConstraints().get(0).name(), "a name the user gave is compared");
        assertEquals(List.of("fk_invoice_parent"), invoice.foreignKeys().stream().map(ForeignKey::name).filter(n -> n != null).toList());
        assertEquals("ck_invoice_total", invoice.checks().get(0).name());
        ForeignKey fk = normalizer.normalize(new Schema(List.of(new Table("x", List.of(col("a", "integer", true, null, null)), null, null, null,
                List.of(new ForeignKey("fk", List.of("a"), "y", List.of("id"), ReferentialAction.RESTRICT, ReferentialAction.RESTRICT)), null, null))))
                .tables().get(0).foreignKeys().get(0);
        assertEquals(new ForeignKey("fk", List.of("a"), "y", List.of("id"), ReferentialAction.NO_ACTION, ReferentialAction.NO_ACTION), fk);
    }

    @Test
    void drops_the_names_the_server_or_the_renderer_made_up() {
        Table t = new Table("t", List.of(col("a", "integer", true, null, null), col("b", "integer", true, null, null)), new PrimaryKey("PRIMARY", List.of("a")),
                List.of(new UniqueConstraint("t_a_b_key", List.of("a", "b")), new UniqueConstraint("b_2", List.of("b")),
                        new UniqueConstraint("b", List.of("b", "a"))),
                List.of(),
                List.of(new ForeignKey("old_name_a_fkey", List.of("a"), "u", List.of("id"), null, null),
                        new ForeignKey("t_ibfk_3", List.of("b"), "u", List.of("id"), null, null)),
                List.of(new CheckConstraint("CONSTRAINT_1", "a > 0"), new CheckConstraint("t_chk_2", "b > 0"), new CheckConstraint("b", "b < 9")),
                null);
        Table n = normalizer.normalize(new Schema(List.of(t))).tables().get(0);
        assertEquals(null, n.primaryKey().name());
        n.uniqueConstraints().forEach(u -> assertEquals(null, u.name(), u.toString()));
        n.foreignKeys().forEach(f -> assertEquals(null, f.name(), f.toString()));
        n.checks().forEach(c -> assertEquals(null, c.name(), c.toString()));
    }
}
