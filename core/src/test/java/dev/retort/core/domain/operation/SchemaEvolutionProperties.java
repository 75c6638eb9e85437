package dev.retort.core.domain.operation;

import static dev.retort.core.domain.operation.SchemaEvolutionTest.canonical;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ColumnType.Kind;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Random valid operation sequences: applying them and then their inverse gives back the schema. */
class SchemaEvolutionProperties {

    /** kind picks the operation; a and b pick tables, columns and names among what exists at that point. */
    record Seed(int kind, int a, int b) {
    }

    @Provide
    Arbitrary<List<Seed>> seeds() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 1000);
        return Combinators.combine(Arbitraries.integers().between(0, 18), any, any).as(Seed::new).list().ofMaxSize(25);
    }

    @Property(tries = 200)
    void applying_operations_then_their_inverse_restores_the_schema(@ForAll("seeds") List<Seed> seeds) {
        Schema start = SchemaEvolutionTest.schema();
        List<Operation> ops = build(start, seeds);
        Schema after = SchemaEvolution.applyAll(start, ops);
        List<Operation> inverse = SchemaEvolution.invertAll(start, ops);
        assertEquals(canonical(start), canonical(SchemaEvolution.applyAll(after, inverse)), "ops " + ops + "\ninverse " + inverse);
    }

    @Property(tries = 200)
    void inverse_of_the_inverse_reproduces_the_result(@ForAll("seeds") List<Seed> seeds) {
        Schema start = SchemaEvolutionTest.schema();
        List<Operation> ops = build(start, seeds);
        Schema after = SchemaEvolution.applyAll(start, ops);
        List<Operation> inverse = SchemaEvolution.invertAll(start, ops);
        List<Operation> again = SchemaEvolution.invertAll(after, inverse);
        assertEquals(canonical(after), canonical(SchemaEvolution.applyAll(SchemaEvolution.applyAll(after, inverse), again)));
    }

    /** Turns seeds into operations valid at their point in the sequence; a seed with nothing to act on is skipped. */
    static List<Operation> build(Schema start, List<Seed> seeds) {
        List<Operation> ops = new ArrayList<>();
        Schema s = start;
        int counter = 0;
        for (Seed seed : seeds) {
            counter++;
            Operation op = op(s, seed, counter);
            if (op != null) {
                ops.add(op);
                s = SchemaEvolution.apply(s, op);
            }
        }
        return ops;
    }

    private static <T> T pick(List<T> list, int n) {
        return list.isEmpty() ? null : list.get(n % list.size());
    }

    private static Operation op(Schema s, Seed seed, int n) {
        Table t = pick(s.tables(), seed.a());
        if (seed.kind() == 0 || t == null) {
            return new CreateTable(new Table("t" + n, List.of(Column.of("id", ColumnType.of(Kind.BIGINT), false), Column.of("v" + n, ColumnType.varchar(10), true)),
                    seed.b() % 2 == 0 ? new PrimaryKey("pk_t" + n, List.of("id")) : null, null, null, null, null, null));
        }
        Column c = pick(t.columns(), seed.b());
        String tn = t.name();
        return switch (seed.kind()) {
            case 1 -> new DropTable(tn);
            case 2 -> new RenameTable(tn, "r" + n);
            case 3 -> new AddColumn(tn, new Column("c" + n, ColumnType.of(Kind.INTEGER), seed.b() % 2 == 0, seed.b() % 3 == 0 ? "0" : null, false, null));
            case 4 -> t.columns().size() > 1 ? new DropColumn(tn, c.name()) : null;
            case 5 -> new RenameColumn(tn, c.name(), "k" + n);
            case 6 -> new AlterColumn(tn, c.name(), seed.b() % 2 == 0 ? ColumnType.of(Kind.TEXT) : null, !c.nullable(),
                    seed.b() % 3 == 0 ? new AlterColumn.Change(null) : new AlterColumn.Change("'d" + n + "'"),
                    seed.b() % 5 == 0 ? new AlterColumn.Change("comment " + n) : null);
            case 7 -> new CreateIndex(tn, new Index("ix" + n, List.of(c.name()), seed.b() % 2 == 0));
            case 8 -> t.indexes().isEmpty() ? null : new DropIndex(tn, pick(t.indexes(), seed.b()).name());
            case 9 -> t.primaryKey() == null ? new AddPrimaryKey(tn, new PrimaryKey("pk" + n, List.of(c.name()))) : null;
            case 10 -> t.primaryKey() == null || t.primaryKey().name() == null ? null
                    : new DropConstraint(tn, t.primaryKey().name(), ConstraintType.PRIMARY_KEY);
            case 11 -> new AddUniqueConstraint(tn, new UniqueConstraint("uq" + n, List.of(c.name())));
            case 12 -> t.uniqueConstraints().isEmpty() ? null : new DropConstraint(tn, pick(t.uniqueConstraints(), seed.b()).name(), ConstraintType.UNIQUE);
            case 13 -> {
                Table target = pick(s.tables(), seed.b());
                yield new AddForeignKey(tn, new ForeignKey("fk" + n, List.of(c.name()), target.name(), List.of(target.columns().get(0).name()), null, null));
            }
            case 14 -> t.foreignKeys().isEmpty() ? null : new DropConstraint(tn, pick(t.foreignKeys(), seed.b()).name(), ConstraintType.FOREIGN_KEY);
            case 15 -> new AddCheckConstraint(tn, new CheckConstraint("ck" + n, c.name() + " is not null"));
            case 17 -> AlterTable.comment(tn, seed.b() % 3 == 0 ? null : "comment " + n);
            case 16 -> t.checks().isEmpty() ? null : new DropConstraint(tn, pick(t.checks(), seed.b()).name(), ConstraintType.CHECK);
            default -> t.columns().size() < 2 ? null
                    : new CreateIndex(tn, new Index("ixm" + n, List.of(t.columns().get(0).name(), t.columns().get(1).name()), false));
        };
    }
}
