package dev.retort.dialect.jdbc;

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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik generators of valid {@link Schema}s over the whole model, for property tests of dialects
 * and of anything that consumes schemas: 1–{@link Options#maxTables()} tables of 1–6 columns of
 * the given portable types, with nullability, defaults that suit the type, primary keys (one or
 * two columns; autoincrement on a single integer key), unique constraints, indexes, a check on an
 * integer column, comments, and foreign keys from a table to an earlier one (so creating tables in
 * order satisfies every key; no cycles).
 *
 * <p>Names come from a safe alphabet and are unique where a database needs them to be: tables
 * {@code t<n>_<random>}, columns {@code c<n>_<random>} (foreign key columns {@code f<n>_...}), and
 * indexes and constraints {@code ix<n>_…}, {@code uq<n>_…}, {@code pk<n>_…}, {@code fk<n>_…},
 * {@code ck<n>_…}, numbered across the schema (MySQL and PostgreSQL want some of them unique per
 * schema). The prefixes keep names clear of reserved words and of names databases generate
 * ({@code <table>_pkey}). About half of the constraints are unnamed.
 *
 * <p>Each table is generated from a list of small integers ("genes") that are read modulo the
 * choices available, so shrinking a failing schema walks towards fewer, plainer tables.
 */
public final class SchemaArbitraries {
    private static final Set<ColumnType.Kind> INTEGERS = EnumSet.of(ColumnType.Kind.SMALLINT, ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT);
    private static final Set<ColumnType.Kind> KEY_KINDS = EnumSet.of(ColumnType.Kind.SMALLINT, ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT,
            ColumnType.Kind.CHAR, ColumnType.Kind.VARCHAR, ColumnType.Kind.UUID, ColumnType.Kind.DATE);
    private static final int GENES = 16;

    private SchemaArbitraries() {
    }

    /**
     * What to generate.
     *
     * @param types          column types to draw from (a dialect's {@code roundTripTypes()})
     * @param defaults       default expressions that suit a type (may be empty: no default)
     * @param indexable      whether a column of this type may be in a key, unique constraint or index
     * @param actions        ON DELETE / ON UPDATE actions to draw from; SET NULL is used only on nullable columns
     * @param comments       whether tables and columns get comments
     * @param maxTables      at most this many tables (at least 1)
     */
    public record Options(List<ColumnType> types, Function<ColumnType, List<String>> defaults, Predicate<ColumnType> indexable,
                          List<ReferentialAction> actions, boolean comments, int maxTables) {
        public Options {
            types = List.copyOf(types);
            actions = List.copyOf(actions);
            Objects.requireNonNull(defaults, "defaults");
            Objects.requireNonNull(indexable, "indexable");
            if (types.isEmpty() || actions.isEmpty() || maxTables < 1) {
                throw new IllegalArgumentException("need at least one type, one referential action and one table");
            }
        }

        /** Every type of {@code types}, {@link #standardDefaults}, {@link #standardIndexable}, all actions but SET DEFAULT, comments, 4 tables. */
        public static Options standard(List<ColumnType> types) {
            return new Options(types, SchemaArbitraries::standardDefaults, SchemaArbitraries::standardIndexable,
                    List.of(ReferentialAction.NO_ACTION, ReferentialAction.CASCADE, ReferentialAction.RESTRICT, ReferentialAction.SET_NULL), true, 4);
        }
    }

    /**
     * Defaults every dialect stores: numbers on numeric columns, {@code true}/{@code false},
     * short string literals that fit the length, a date literal and {@code CURRENT_DATE},
     * {@code CURRENT_TIMESTAMP} on timestamps, an enum's first value; none for time, uuid, json
     * and binary types.
     */
    public static List<String> standardDefaults(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT -> List.of("0", "42", "-7");
            case DECIMAL -> type.scale() != null && type.scale() > 0 ? List.of("0", "2.5") : List.of("0", "12");
            case REAL, DOUBLE -> List.of("0", "1.5");
            case BOOLEAN -> List.of("true", "false");
            case CHAR -> List.of("'x'");
            case VARCHAR -> type.length() == null || type.length() >= 5 ? List.of("'abc'", "'it''s'", "''") : List.of("'x'");
            case TEXT -> List.of("'hello'", "''");
            case DATE -> List.of("'2024-01-31'", "CURRENT_DATE");
            case TIMESTAMP, TIMESTAMP_TZ -> List.of("CURRENT_TIMESTAMP");
            case ENUM -> List.of("'" + type.values().get(0).replace("'", "''") + "'");
            default -> List.of();
        };
    }

    /** Types every dialect can put in a plain index or key: not text, binary, json, enums or unknown types. */
    public static boolean standardIndexable(ColumnType type) {
        return switch (type.kind()) {
            case TEXT, BLOB, BINARY, JSON, JSONB, OTHER, ENUM -> false;
            case VARCHAR -> type.length() != null;
            default -> true;
        };
    }

    /** Valid schemas as described in the class comment. */
    public static Arbitrary<Schema> schemas(Options options) {
        return tableSpecs(options).list().ofMinSize(1).ofMaxSize(options.maxTables()).map(specs -> build(specs, options));
    }

    private record ColumnSpec(int type, boolean nullable, int defaultChoice, String suffix, String comment) {
    }

    private record TableSpec(List<ColumnSpec> columns, List<Integer> genes, String suffix, String comment) {
        int gene(int i) {
            return genes.get(i);
        }
    }

    private static Arbitrary<String> suffixes() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMinLength(1).ofMaxLength(6);
    }

    private static Arbitrary<String> comments(Options options) {
        if (!options.comments()) {
            return Arbitraries.strings().injectNull(1.0);
        }
        return Arbitraries.of("note", "it's a comment", "Ünïcode ✓", "two words").injectNull(0.6);
    }

    private static Arbitrary<TableSpec> tableSpecs(Options options) {
        Arbitrary<ColumnSpec> column = Combinators.combine(Arbitraries.integers().between(0, options.types().size() - 1), Arbitraries.of(true, false),
                Arbitraries.integers().between(0, 3), suffixes(), comments(options)).as(ColumnSpec::new);
        return Combinators.combine(column.list().ofMinSize(1).ofMaxSize(6), Arbitraries.integers().between(0, 999).list().ofSize(GENES),
                suffixes(), comments(options)).as(TableSpec::new);
    }

    private static final class Names {
        private int next = 1;

        String constraint(String prefix, String table) {
            return prefix + next++ + "_" + table.substring(table.indexOf('_') + 1);
        }
    }

    private static Schema build(List<TableSpec> specs, Options options) {
        Names names = new Names();
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            tables.add(table(i, specs.get(i), tables, options, names));
        }
        return new Schema(tables);
    }

    private static Table table(int index, TableSpec spec, List<Table> earlier, Options options, Names names) {
        String name = "t" + (index + 1) + "_" + spec.suffix();
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < spec.columns().size(); j++) {
            ColumnSpec c = spec.columns().get(j);
            ColumnType type = options.types().get(c.type());
            List<String> defaults = options.defaults().apply(type);
            String def = c.defaultChoice() == 0 || defaults.isEmpty() ? null : defaults.get((c.defaultChoice() - 1) % defaults.size());
            columns.add(new Column("c" + (j + 1) + "_" + c.suffix(), type, c.nullable(), def, false, c.comment()));
        }

        // Primary key: gene 0 says none, one or two columns; gene 1 autoincrement; gene 2 which columns.
        List<Integer> keyable = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (KEY_KINDS.contains(columns.get(j).type().kind()) && options.indexable().test(columns.get(j).type())) {
                keyable.add(j);
            }
        }
        PrimaryKey pk = null;
        int pkSize = Math.min(spec.gene(0) % 3, keyable.size());
        if (pkSize > 0) {
            List<String> pkColumns = new ArrayList<>();
            int first = keyable.get(spec.gene(2) % keyable.size());
            pkColumns.add(columns.get(first).name());
            if (pkSize == 2) {
                int second = keyable.get((spec.gene(2) / 7 + 1) % keyable.size());
                if (second != first) {
                    pkColumns.add(columns.get(second).name());
                }
            }
            for (String pkc : pkColumns) {
                replace(columns, pkc, c -> new Column(c.name(), c.type(), false, c.defaultValue(), false, c.comment()));
            }
            if (pkColumns.size() == 1 && spec.gene(1) % 2 == 1) {
                Column k = column(columns, pkColumns.get(0));
                if (INTEGERS.contains(k.type().kind())) {
                    replace(columns, k.name(), c -> new Column(c.name(), c.type(), false, null, true, c.comment()));
                }
            }
            pk = new PrimaryKey(named(spec.gene(14), 0) ? names.constraint("pk", name) : null, pkColumns);
        }

        // Foreign key to an earlier table with a primary key: gene 10 whether, 11 which, 12/13 actions.
        List<ForeignKey> fks = new ArrayList<>();
        if (!earlier.isEmpty() && spec.gene(10) % 2 == 1) {
            Table parent = earlier.get(spec.gene(11) % earlier.size());
            if (parent.primaryKey() != null) {
                boolean nullable = spec.gene(11) % 3 != 0;
                List<String> fkColumns = new ArrayList<>();
                for (int k = 0; k < parent.primaryKey().columns().size(); k++) {
                    Column referenced = column(parent.columns(), parent.primaryKey().columns().get(k));
                    String fkName = "f" + (k + 1) + "_" + parent.name().substring(0, parent.name().indexOf('_'));
                    columns.add(new Column(fkName, referenced.type(), nullable, null, false, null));
                    fkColumns.add(fkName);
                }
                fks.add(new ForeignKey(named(spec.gene(14), 1) ? names.constraint("fk", name) : null, fkColumns, parent.name(),
                        parent.primaryKey().columns(), action(options, spec.gene(12), nullable), action(options, spec.gene(13), nullable)));
            }
        }

        List<Integer> indexable = new ArrayList<>();
        for (int j = 0; j < columns.size(); j++) {
            if (options.indexable().test(columns.get(j).type())) {
                indexable.add(j);
            }
        }

        // Unique constraints: gene 3 how many, genes 4 and 5 which columns.
        List<UniqueConstraint> uniques = new ArrayList<>();
        Set<List<String>> uniqueSets = new LinkedHashSet<>();
        for (int u = 0; u < spec.gene(3) % 3 && !indexable.isEmpty(); u++) {
            List<String> cols = pick(columns, indexable, spec.gene(4 + u));
            if (uniqueSets.add(cols)) {
                uniques.add(new UniqueConstraint(named(spec.gene(14), 2 + u) ? names.constraint("uq", name) : null, cols));
            }
        }

        // Indexes: gene 6 how many, genes 7 and 8 which columns, gene 9 unique flags.
        List<Index> indexes = new ArrayList<>();
        Set<List<String>> indexSets = new LinkedHashSet<>();
        for (int x = 0; x < spec.gene(6) % 3 && !indexable.isEmpty(); x++) {
            List<String> cols = pick(columns, indexable, spec.gene(7 + x));
            if (indexSets.add(cols)) {
                indexes.add(new Index(names.constraint("ix", name), cols, (spec.gene(9) >> x) % 2 == 1));
            }
        }

        // A check on the first integer column that is not autoincrement: gene 15.
        List<CheckConstraint> checks = new ArrayList<>();
        if (spec.gene(15) % 3 != 0) {
            columns.stream().filter(c -> INTEGERS.contains(c.type().kind()) && !c.autoincrement()).findFirst().ifPresent(c -> checks.add(
                    new CheckConstraint(named(spec.gene(14), 4) ? names.constraint("ck", name) : null,
                            spec.gene(15) % 3 == 1 ? c.name() + " >= 0" : c.name() + " <> 7")));
        }
        return new Table(name, columns, pk, uniques, indexes, fks, checks, spec.comment());
    }

    private static boolean named(int gene, int bit) {
        return (gene >> bit) % 2 == 1;
    }

    private static ReferentialAction action(Options options, int gene, boolean nullable) {
        List<ReferentialAction> allowed = options.actions().stream().filter(a -> nullable || a != ReferentialAction.SET_NULL).toList();
        return allowed.isEmpty() ? ReferentialAction.NO_ACTION : allowed.get(gene % allowed.size());
    }

    /** One or two distinct columns among {@code candidates}, chosen by {@code gene}. */
    private static List<String> pick(List<Column> columns, List<Integer> candidates, int gene) {
        int first = candidates.get(gene % candidates.size());
        List<String> out = new ArrayList<>();
        out.add(columns.get(first).name());
        if (gene % 2 == 1 && candidates.size() > 1) {
            int second = candidates.get((gene / 2 + 1) % candidates.size());
            if (second != first) {
                out.add(columns.get(second).name());
            }
        }
        return List.copyOf(out);
    }

    private static Column column(List<Column> columns, String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static void replace(List<Column> columns, String name, java.util.function.UnaryOperator<Column> change) {
        columns.replaceAll(c -> c.name().equals(name) ? change.apply(c) : c);
    }
}
