package dev.retort.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import dev.retort.dialect.jdbc.SchemaArbitraries;
import java.sql.SQLException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PostgresSchemaNormalizerTest {
    private final PostgresSchemaNormalizer normalizer = new PostgresSchemaNormalizer();

    private static Table table(PrimaryKey pk, List<UniqueConstraint> uniques, List<ForeignKey> fks, List<CheckConstraint> checks) {
        return new Table("t", List.of(Column.of("a", ColumnType.parse("integer"), true), Column.of("b", ColumnType.parse("integer"), true)),
                pk, uniques, null, fks, checks, null);
    }

    private Table normalized(Table t) {
        return normalizer.normalize(new Schema(List.of(t))).tables().get(0);
    }

    @Test
    void names_in_postgresql_default_pattern_compare_as_unnamed_and_given_names_are_kept() {
        Table t = normalized(table(new PrimaryKey("account_pkey", List.of("a")),
                List.of(new UniqueConstraint("account_b_key1", List.of("b")), new UniqueConstraint("uq_ab", List.of("a", "b"))),
                List.of(new ForeignKey("old_name_b_fkey", List.of("b"), "p", List.of("id"), null, null), new ForeignKey("fk_b", List.of("a"), "p",
                        List.of("id"), null, null)),
                List.of(new CheckConstraint("t_a_check", "(a > 0)"), new CheckConstraint("ck_b", "b > 0"))));
        assertEquals(new PrimaryKey(null, List.of("a")), t.primaryKey());
        assertEquals(List.of(new UniqueConstraint(null, List.of("b")), new UniqueConstraint("uq_ab", List.of("a", "b"))), t.uniqueConstraints());
        assertEquals(java.util.Arrays.asList(null, "fk_b"), t.foreignKeys().stream().map(ForeignKey::name).toList());
        assertEquals(List.of(new CheckConstraint(null, "a > 0"), new CheckConstraint("ck_b", "b > 0")), t.checks());
        assertEquals(false, t.column("a").orElseThrow().nullable(), "primary key columns are not null");
    }

    @Test
    void unique_constraints_create_table_would_merge_are_merged() {
        Table t = normalized(table(new PrimaryKey(null, List.of("a")),
                List.of(new UniqueConstraint("uq_a", List.of("a")), new UniqueConstraint(null, List.of("b")), new UniqueConstraint("uq_b", List.of("b"))),
                null, null));
        assertEquals(new PrimaryKey("uq_a", List.of("a")), t.primaryKey());
        assertEquals(List.of(new UniqueConstraint("uq_b", List.of("b"))), t.uniqueConstraints());
    }

    @Test
    void connection_hints_follow_the_sqlstate() {
        assertEquals(true, PostgresDialectProvider.hint(new SQLException("x", "28P01")).startsWith("the password was refused"));
        assertEquals(true, PostgresDialectProvider.hint(new SQLException("x", "28000")).contains("role exists"));
        assertEquals(true, PostgresDialectProvider.hint(new SQLException("x", "3D000")).startsWith("the database does not exist"));
        assertEquals(true, PostgresDialectProvider.hint(new SQLException("x", "08001")).contains("server is running"));
        assertEquals(true, PostgresDialectProvider.hint(new SQLException("x")).contains("server is running"));
    }

    @Provide
    Arbitrary<Schema> schemas() {
        return SchemaArbitraries.schemas(SchemaArbitraries.Options.standard(List.of(ColumnType.parse("integer"), ColumnType.parse("bigint"),
                ColumnType.parse("varchar(20)"), ColumnType.parse("char"), ColumnType.parse("binary(4)"), ColumnType.parse("decimal(12,2)"),
                ColumnType.parse("boolean"), ColumnType.parse("timestamp"), ColumnType.parse("enum('a','b')"), ColumnType.parse("serial"),
                ColumnType.parse("timetz"))));
    }

    @Property(tries = 200)
    void normalizing_is_idempotent(@ForAll("schemas") Schema schema) {
        Schema once = normalizer.normalize(schema);
        assertEquals(once, normalizer.normalize(once));
    }
}
