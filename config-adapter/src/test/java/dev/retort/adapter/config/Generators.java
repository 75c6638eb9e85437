package dev.retort.adapter.config;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators for revisions, with names and text chosen to stress YAML quoting. */
final class Generators {
    /** Fragments that trip YAML writers: indicators, reserved words, numbers, line breaks, non-ASCII. */
    private static final List<String> FRAGMENTS = List.of("a", "Z", "9", " ", "  ", "\n", "\t", "\r", "'", "\"", ":", ": ", "#", " #",
            "-", "- ", "?", "|", ">", "{", "}", "[", "]", ",", "\\", "é", "中", "\uD83D\uDE00", "\u0085", "\u2028", "\uFEFF", "\u0007",
            "null", "true", "no", "123", "0.5", "1e3", "0x1F", "%", "@", "`", "*", "&", "!", "---", "...", "SELECT 1", "x = 'y'",
            "${HOME}", "~");
    private static final List<String> SPECIAL_NAMES = List.of("yes", "null", "true", "off", "123", "1e5", "0x1F", "y", "n", "é_t",
            "select", "order");
    private static final List<String> TYPES = List.of("bigint", "integer", "smallint", "decimal(12,2)", "decimal", "numeric(5)",
            "varchar(255)", "varchar", "char(3)", "text", "boolean", "date", "time", "timestamp", "timestamp(3)", "timestamptz",
            "uuid", "json", "jsonb", "binary(16)", "blob", "real", "double", "enum('a','b c','it''s')", "geometry(Point, 4326)",
            "int[]", "character varying(10)");

    private Generators() {
    }

    static Arbitrary<String> text() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(6).map(l -> String.join("", l));
    }

    static Arbitrary<String> nonBlankText() {
        return text().filter(s -> !s.isBlank());
    }

    static Arbitrary<String> optionalText() {
        return text().injectNull(0.3);
    }

    static Arbitrary<String> name() {
        Arbitrary<String> ident = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(3)
                .flatMap(head -> Arbitraries.strings().withCharRange('a', 'z').numeric().withChars('_').ofMaxLength(8).map(tail -> head + tail));
        return Arbitraries.frequencyOf(Tuple.of(5, ident), Tuple.of(1, Arbitraries.of(SPECIAL_NAMES)));
    }

    static Arbitrary<String> optionalName() {
        return name().injectNull(0.4);
    }

    static Arbitrary<ColumnType> type() {
        return Arbitraries.of(TYPES).map(ColumnType::parse);
    }

    static Arbitrary<Column> column(Arbitrary<String> names) {
        return Combinators.combine(names, type(), Arbitraries.of(true, false), text().injectNull(0.5), Arbitraries.of(true, false),
                optionalText()).as(Column::new);
    }

    static Arbitrary<List<String>> subset(List<String> from) {
        return Arbitraries.of(from).list().ofMinSize(1).ofMaxSize(from.size()).uniqueElements();
    }

    static Arbitrary<ReferentialAction> action() {
        return Arbitraries.of(ReferentialAction.class);
    }

    static Arbitrary<ForeignKey> foreignKey(List<String> columns) {
        return subset(columns).flatMap(cols -> Combinators.combine(optionalName(), name(),
                name().list().ofSize(cols.size()), action(), action())
                .as((n, table, refs, onDelete, onUpdate) -> new ForeignKey(n, cols, table, refs, onDelete, onUpdate)));
    }

    static Arbitrary<Table> table() {
        Arbitrary<List<Column>> columns = column(name()).list().ofMinSize(1).ofMaxSize(5).uniqueElements(Column::name);
        return Combinators.combine(name(), columns).as((n, c) -> new Object[] {n, c}).flatMap(pair -> {
            String tableName = (String) pair[0];
            @SuppressWarnings("unchecked")
            List<Column> cols = (List<Column>) pair[1];
            List<String> names = cols.stream().map(Column::name).toList();
            Arbitrary<PrimaryKey> pk = Combinators.combine(optionalName(), subset(names)).as(PrimaryKey::new).injectNull(0.3);
            Arbitrary<UniqueConstraint> unique = subset(names).flatMap(uc -> Arbitraries.oneOf(
                    Arbitraries.just(new UniqueConstraint(TableYaml.uniqueName(tableName, uc), uc)),
                    optionalName().map(n -> new UniqueConstraint(n, uc))));
            Arbitrary<Index> index = Combinators.combine(name(), subset(names), Arbitraries.of(true, false)).as(Index::new);
            Arbitrary<CheckConstraint> check = Combinators.combine(optionalName(), nonBlankText()).as(CheckConstraint::new);
            return Combinators.combine(pk, unique.list().ofMaxSize(3), index.list().ofMaxSize(2), foreignKey(names).list().ofMaxSize(2),
                    check.list().ofMaxSize(2), optionalText())
                    .as((p, u, i, f, c, comment) -> new Table(tableName, cols, p, u, i, f, c, comment));
        });
    }

    static Arbitrary<AlterColumn.Change> change() {
        return text().injectNull(0.3).map(AlterColumn.Change::new).injectNull(0.5);
    }

    static Arbitrary<Operation> operation() {
        Arbitrary<String> n = name();
        Arbitrary<AlterColumn> alter = Combinators.combine(n, n, type().injectNull(0.5), Arbitraries.of(true, false).injectNull(0.5),
                change(), change())
                .as((t, c, type, nullable, def, comment) -> type == null && nullable == null && def == null && comment == null
                        ? new AlterColumn(t, c, null, true, null, null) : new AlterColumn(t, c, type, nullable, def, comment));
        Arbitrary<ExecuteSql> sql = Arbitraries.oneOf(
                nonBlankText().map(ExecuteSql::of),
                Combinators.combine(text().injectNull(0.5),
                        Arbitraries.maps(Arbitraries.of("postgres", "mysql", "sqlite", "mariadb", "my dialect"), text()).ofMinSize(1).ofMaxSize(3))
                        .as((all, map) -> new ExecuteSql(all, new TreeMap<>(map))),
                Combinators.combine(nonBlankText(), table().list().ofMaxSize(2).uniqueElements(Table::name), name().list().ofMaxSize(2).uniqueElements())
                        .as((all, tables, dropped) -> new ExecuteSql(all, Map.of(), new ExecuteSql.Declared(tables,
                                dropped.stream().filter(d -> tables.stream().noneMatch(t -> t.name().equals(d))).toList()))));
        return Arbitraries.oneOf(
                table().map(CreateTable::new),
                n.map(DropTable::new),
                Combinators.combine(n, n).as(RenameTable::new),
                Combinators.combine(n, column(n)).as(AddColumn::new),
                Combinators.combine(n, n).as(DropColumn::new),
                alter,
                Combinators.combine(n, n, n).as(RenameColumn::new),
                Combinators.combine(n, text().injectNull(0.3)).as(AlterTable::comment),
                Combinators.combine(n, n, n.list().ofMinSize(1).ofMaxSize(3), Arbitraries.of(true, false))
                        .as((t, i, cols, u) -> new CreateIndex(t, new Index(i, cols, u))),
                Combinators.combine(n, n).as(DropIndex::new),
                Combinators.combine(n, optionalName(), n.list().ofMinSize(1).ofMaxSize(3))
                        .as((t, pk, cols) -> new AddPrimaryKey(t, new PrimaryKey(pk, cols))),
                Combinators.combine(n, optionalName(), n.list().ofMinSize(1).ofMaxSize(3))
                        .as((t, uq, cols) -> new AddUniqueConstraint(t, new UniqueConstraint(uq, cols))),
                Combinators.combine(n, n.list().ofMinSize(1).ofMaxSize(3).uniqueElements()).as((t, cols) -> new Object[] {t, cols})
                        .flatMap(p -> {
                            @SuppressWarnings("unchecked")
                            List<String> cols = (List<String>) p[1];
                            return foreignKey(cols).map(fk -> new AddForeignKey((String) p[0], fk));
                        }),
                Combinators.combine(n, optionalName(), nonBlankText()).as((t, c, e) -> new AddCheckConstraint(t, new CheckConstraint(c, e))),
                Combinators.combine(n, n, Arbitraries.of(ConstraintType.class)).as(DropConstraint::new),
                sql);
    }

    static Arbitrary<RevisionId> revisionId() {
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdef").ofLength(12);
        return Arbitraries.oneOf(hex, Arbitraries.of("123456789012", "1234567e1234", "0x1f", "yes", "null", "a_b"))
                .map(RevisionId::of);
    }

    static Arbitrary<Instant> created() {
        return Arbitraries.longs().between(0, 4_102_444_800L).flatMap(s -> Arbitraries.of(0, 123_000_000, 1).map(nanos -> Instant.ofEpochSecond(s, nanos)))
                .injectNull(0.2);
    }

    static Arbitrary<Revision> revision() {
        Arbitrary<List<Operation>> ops = operation().list().ofMaxSize(4);
        return Combinators.combine(revisionId(), revisionId().list().ofMaxSize(3).uniqueElements(), name().list().ofMaxSize(2),
                name().list().ofMaxSize(2), text(), created(), ops, ops)
                .as((id, parents, labels, deps, message, created, up, down) -> {
                    List<RevisionId> ps = new ArrayList<>(parents);
                    ps.remove(id);
                    return new Revision(id, ps, labels, deps, message, created, up, down, null);
                });
    }

}
