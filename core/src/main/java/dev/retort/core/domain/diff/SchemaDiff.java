package dev.retort.core.domain.diff;

import dev.retort.core.domain.RetortException;
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
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.RenameColumn;
import dev.retort.core.domain.operation.RenameTable;
import dev.retort.core.domain.operation.SchemaEvolution;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Compares a live schema with a target schema and gives the operations that turn one into the
 * other, in an order that runs: renames first; constraints and indexes that go away are dropped
 * before the columns they use; new tables come before the foreign keys that point at them (a
 * foreign-key cycle among new tables is broken by adding the closing key after both tables);
 * columns are added and altered before the constraints that use them; dropped tables go last,
 * referencing tables before referenced ones.
 *
 * <p>Everything is compared in the dialect's comparable form ({@link DiffOptions#comparable()}),
 * so {@code int4} and {@code integer} or {@code '0'::numeric} and {@code 0} are equal; the
 * operations carry the target's own definitions.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    /** The operations only; see {@link #diff}. */
    public static List<Operation> compare(Schema current, Schema target, DiffOptions options) {
        return diff(current, target, options).operations();
    }

    /**
     * @throws RetortException when a rename names a table or column that is not there
     */
    public static DiffResult diff(Schema current, Schema target, DiffOptions options) {
        return new Run(current, target, options).run();
    }

    private static final class Run {
        private final Schema original;
        private final Schema target;
        private final DiffOptions options;
        private Schema current;
        private Schema nCurrent;
        private Schema nTarget;

        private final List<Operation> renames = new ArrayList<>();
        private final List<Operation> dropFks = new ArrayList<>();
        private final List<Operation> dropConstraints = new ArrayList<>();
        private final List<Operation> dropIndexes = new ArrayList<>();
        private final List<Operation> creates = new ArrayList<>();
        private final List<Operation> addColumns = new ArrayList<>();
        private final List<Operation> alterColumns = new ArrayList<>();
        private final List<Operation> addConstraints = new ArrayList<>();
        private final List<Operation> createIndexes = new ArrayList<>();
        private final List<Operation> addFks = new ArrayList<>();
        private final List<Operation> dropColumns = new ArrayList<>();
        private final List<Operation> dropTables = new ArrayList<>();
        private final List<String> destructive = new ArrayList<>();
        private final List<String> hints = new ArrayList<>();

        Run(Schema current, Schema target, DiffOptions options) {
            this.original = current;
            this.current = current;
            this.target = target;
            this.options = options;
        }

        DiffResult run() {
            applyRenames();
            nCurrent = options.comparable().apply(current);
            nTarget = options.comparable().apply(target);

            List<Table> newTables = new ArrayList<>();
            for (Table t : target.tables()) {
                if (options.compares(t.name()) && !current.hasTable(t.name())) {
                    newTables.add(t);
                }
            }
            List<Table> goneTables = new ArrayList<>();
            for (Table t : current.tables()) {
                if (options.compares(t.name()) && !target.hasTable(t.name())) {
                    goneTables.add(t);
                }
            }
            createTables(newTables);
            for (Table want : target.tables()) {
                Table have = current.table(want.name()).orElse(null);
                if (have != null && options.compares(want.name())) {
                    compareTable(have, want);
                }
            }
            Set<String> goneNames = new HashSet<>();
            goneTables.forEach(t -> goneNames.add(t.name()));
            List<Table> goneOrdered = orderByDependencies(goneTables, goneNames);
            for (int k = goneOrdered.size() - 1; k >= 0; k--) {
                Table t = goneOrdered.get(k);
                dropTables.add(new DropTable(t.name()));
                destructive.add("drop table " + t.name() + " (" + t.columns().size() + " columns): its rows are lost");
            }
            renameHints(newTables, goneTables);

            List<Operation> out = new ArrayList<>();
            out.addAll(renames);
            out.addAll(dropFks);
            out.addAll(dropConstraints);
            out.addAll(dropIndexes);
            out.addAll(creates);
            out.addAll(addColumns);
            out.addAll(alterColumns);
            out.addAll(addConstraints);
            out.addAll(createIndexes);
            out.addAll(addFks);
            out.addAll(dropColumns);
            out.addAll(dropTables);
            return new DiffResult(out, destructive, hints);
        }

        private void applyRenames() {
            for (Map.Entry<String, String> e : options.renames().entrySet()) {
                String from = e.getKey();
                String to = e.getValue();
                if (!current.hasTable(from)) {
                    throw new RetortException("--rename " + from + "=" + to + ": the database has no table " + from);
                }
                if (!target.hasTable(to)) {
                    throw new RetortException("--rename " + from + "=" + to + ": the model has no table " + to);
                }
                if (current.hasTable(to)) {
                    throw new RetortException("--rename " + from + "=" + to + ": the database already has a table " + to);
                }
                rename(new RenameTable(from, to));
            }
            for (Map.Entry<String, Map<String, String>> e : options.columnRenames().entrySet()) {
                String table = e.getKey();
                Table have = current.table(table).orElseThrow(() -> new RetortException("--rename " + table
                        + ".<column>=<new>: the database has no table " + table));
                Table want = target.table(table).orElseThrow(() -> new RetortException("--rename " + table
                        + ".<column>=<new>: the model has no table " + table));
                for (Map.Entry<String, String> c : e.getValue().entrySet()) {
                    String spec = "--rename " + table + "." + c.getKey() + "=" + c.getValue();
                    if (have.column(c.getKey()).isEmpty()) {
                        throw new RetortException(spec + ": table " + table + " in the database has no column " + c.getKey());
                    }
                    if (want.column(c.getValue()).isEmpty()) {
                        throw new RetortException(spec + ": table " + table + " in the model has no column " + c.getValue());
                    }
                    if (have.column(c.getValue()).isPresent()) {
                        throw new RetortException(spec + ": table " + table + " in the database already has a column " + c.getValue());
                    }
                    rename(new RenameColumn(table, c.getKey(), c.getValue()));
                    have = current.table(table).orElseThrow();
                }
            }
        }

        private void rename(Operation op) {
            renames.add(op);
            current = SchemaEvolution.apply(current, op);
        }

        private void createTables(List<Table> newTables) {
            Set<String> created = new HashSet<>(current.tableNames());
            Set<String> newNames = new HashSet<>();
            newTables.forEach(t -> newNames.add(t.name()));
            for (Table t : orderByDependencies(newTables, newNames)) {
                List<ForeignKey> inline = new ArrayList<>();
                for (ForeignKey fk : t.foreignKeys()) {
                    String ref = fk.referencedTable();
                    if (created.contains(ref) || ref.equals(t.name()) || !newNames.contains(ref)) {
                        inline.add(fk);
                    } else {
                        addFks.add(new AddForeignKey(t.name(), fk));
                    }
                }
                creates.add(new CreateTable(t.withForeignKeys(inline).withIndexes(List.of())));
                created.add(t.name());
                for (Index i : t.indexes()) {
                    createIndexes.add(new CreateIndex(t.name(), i));
                }
            }
        }

        private void compareTable(Table have, Table want) {
            String name = want.name();
            Table nHave = nCurrent.table(name).orElse(have);
            Table nWant = nTarget.table(name).orElse(want);
            if (!Objects.equals(nHave.comment(), nWant.comment())) {
                alterColumns.add(AlterTable.comment(name, want.comment()));
            }

            List<String> added = new ArrayList<>();
            List<String> dropped = new ArrayList<>();
            for (Column c : want.columns()) {
                if (have.column(c.name()).isEmpty()) {
                    addColumns.add(new AddColumn(name, c));
                    added.add(c.name());
                }
            }
            for (Column c : have.columns()) {
                if (want.column(c.name()).isEmpty()) {
                    dropColumns.add(new DropColumn(name, c.name()));
                    dropped.add(c.name());
                    destructive.add("drop column " + name + "." + c.name() + ": its values are lost");
                }
            }
            for (Column w : want.columns()) {
                Column h = have.column(w.name()).orElse(null);
                if (h != null) {
                    compareColumn(name, h, nHave.column(w.name()).orElse(h), w, nWant.column(w.name()).orElse(w));
                }
            }
            if (dropped.size() == 1 && added.size() == 1) {
                ColumnType gone = nHave.column(dropped.get(0)).map(Column::type).orElse(null);
                ColumnType come = nWant.column(added.get(0)).map(Column::type).orElse(null);
                if (Objects.equals(gone, come)) {
                    hints.add("column " + name + "." + dropped.get(0) + " is dropped and " + name + "." + added.get(0)
                            + " added with the same type; if it is a rename, run again with --rename " + name + "." + dropped.get(0) + "=" + added.get(0));
                }
            }

            List<String> hpk = nHave.primaryKey() == null ? List.of() : nHave.primaryKey().columns();
            List<String> wpk = nWant.primaryKey() == null ? List.of() : nWant.primaryKey().columns();
            if (!hpk.equals(wpk)) {
                if (have.primaryKey() != null) {
                    String pkName = have.primaryKey().name() != null ? have.primaryKey().name() : name + "_pkey";
                    dropConstraints.add(new DropConstraint(name, pkName, ConstraintType.PRIMARY_KEY));
                }
                if (want.primaryKey() != null) {
                    addConstraints.add(new AddPrimaryKey(name, want.primaryKey()));
                }
            }

            Set<List<String>> haveUniques = new HashSet<>();
            nHave.uniqueConstraints().forEach(u -> haveUniques.add(u.columns()));
            Set<List<String>> wantUniques = new HashSet<>();
            nWant.uniqueConstraints().forEach(u -> wantUniques.add(u.columns()));
            for (UniqueConstraint u : want.uniqueConstraints()) {
                if (!haveUniques.contains(u.columns()) && wantUniques.contains(u.columns())) {
                    addConstraints.add(new AddUniqueConstraint(name, u));
                }
            }
            for (UniqueConstraint u : have.uniqueConstraints()) {
                if (!wantUniques.contains(u.columns()) && haveUniques.contains(u.columns())) {
                    if (u.name() == null) {
                        hints.add("the unique constraint on " + name + " (" + String.join(", ", u.columns())
                                + ") is not in the model but has no name, so it cannot be dropped; drop it with a raw sql operation");
                    } else {
                        dropConstraints.add(new DropConstraint(name, u.name(), ConstraintType.UNIQUE));
                    }
                }
            }

            Set<String> haveChecks = new HashSet<>();
            for (CheckConstraint c : have.checks()) {
                haveChecks.add(checkKey(have, c));
            }
            Set<String> wantChecks = new HashSet<>();
            for (CheckConstraint c : want.checks()) {
                wantChecks.add(checkKey(want, c));
            }
            for (CheckConstraint c : want.checks()) {
                if (!haveChecks.contains(checkKey(want, c))) {
                    addConstraints.add(new AddCheckConstraint(name, c));
                }
            }
            for (CheckConstraint c : have.checks()) {
                if (!wantChecks.contains(checkKey(have, c))) {
                    if (c.name() == null) {
                        hints.add("the check (" + c.expression() + ") on " + name
                                + " is not in the model but has no name, so it cannot be dropped; drop it with a raw sql operation");
                    } else {
                        dropConstraints.add(new DropConstraint(name, c.name(), ConstraintType.CHECK));
                    }
                }
            }

            Map<String, Index> haveIdx = byName(nHave.indexes());
            Map<String, Index> wantIdx = byName(nWant.indexes());
            for (Index i : want.indexes()) {
                Index h = haveIdx.get(i.name());
                Index w = wantIdx.getOrDefault(i.name(), i);
                if (h == null) {
                    createIndexes.add(new CreateIndex(name, i));
                } else if (h.unique() != w.unique() || !h.columns().equals(w.columns())) {
                    dropIndexes.add(new DropIndex(name, h.name()));
                    createIndexes.add(new CreateIndex(name, i));
                }
            }
            for (Index h : have.indexes()) {
                if (!wantIdx.containsKey(h.name()) && want.index(h.name()).isEmpty()) {
                    dropIndexes.add(new DropIndex(name, h.name()));
                }
            }

            Set<String> haveFks = new HashSet<>();
            nHave.foreignKeys().forEach(f -> haveFks.add(fkKey(f)));
            Set<String> wantFks = new HashSet<>();
            nWant.foreignKeys().forEach(f -> wantFks.add(fkKey(f)));
            for (ForeignKey fk : want.foreignKeys()) {
                if (!haveFks.contains(normalizedFkKey(want, fk))) {
                    addFks.add(new AddForeignKey(name, fk));
                }
            }
            for (ForeignKey fk : have.foreignKeys()) {
                if (!wantFks.contains(normalizedFkKey(have, fk))) {
                    dropFks.add(new DropConstraint(name, fk.name() != null ? fk.name() : name + "_" + String.join("_", fk.columns()) + "_fkey",
                            ConstraintType.FOREIGN_KEY));
                }
            }
        }

        private void compareColumn(String table, Column h, Column nh, Column w, Column nw) {
            ColumnType type = nh.type().equals(nw.type()) ? null : w.type();
            Boolean nullable = nh.nullable() == nw.nullable() ? null : w.nullable();
            AlterColumn.Change def = Objects.equals(nh.defaultValue(), nw.defaultValue()) ? null : new AlterColumn.Change(w.defaultValue());
            AlterColumn.Change comment = Objects.equals(nh.comment(), nw.comment()) ? null : new AlterColumn.Change(w.comment());
            if (type != null || nullable != null || def != null || comment != null) {
                alterColumns.add(new AlterColumn(table, w.name(), type, nullable, def, comment));
            }
            if (type != null && narrows(h.type(), w.type())) {
                destructive.add("alter column " + table + "." + w.name() + " type " + h.type() + " -> " + w.type() + ": values may not fit");
            }
            if (nh.autoincrement() != nw.autoincrement()) {
                hints.add("autoincrement of " + table + "." + w.name() + " differs between the model and the database; "
                        + "Retort does not change it in place");
            }
        }

        /** A foreign key's comparable form, found by normalizing a table holding only it (normalizers may sort keys). */
        private String normalizedFkKey(Table table, ForeignKey fk) {
            Table probe = new Table(table.name(), table.columns(), null, List.of(), List.of(), List.of(fk), List.of(), null);
            List<ForeignKey> normalized = options.comparable().apply(new Schema(List.of(probe))).tables().get(0).foreignKeys();
            return normalized.isEmpty() ? fkKey(fk) : fkKey(normalized.get(0));
        }

        private String checkKey(Table table, CheckConstraint c) {
            Table probe = new Table(table.name(), table.columns(), null, List.of(), List.of(), List.of(), List.of(new CheckConstraint(null, c.expression())), null);
            List<CheckConstraint> normalized = options.comparable().apply(new Schema(List.of(probe))).tables().get(0).checks();
            return normalized.isEmpty() ? "" : normalized.get(0).expression();
        }

        private void renameHints(List<Table> newTables, List<Table> goneTables) {
            if (newTables.size() == 1 && goneTables.size() == 1) {
                Table n = newTables.get(0);
                Table g = goneTables.get(0);
                Set<String> nc = new HashSet<>(n.columns().stream().map(Column::name).toList());
                Set<String> gc = new HashSet<>(g.columns().stream().map(Column::name).toList());
                if (nc.equals(gc)) {
                    hints.add("table " + g.name() + " is dropped and " + n.name() + " created with the same columns; if it is a rename, "
                            + "run again with --rename " + g.name() + "=" + n.name());
                }
            }
        }
    }

    /** Whether changing a column from one type to another can lose or reject values. */
    static boolean narrows(ColumnType from, ColumnType to) {
        if (from.equals(to)) {
            return false;
        }
        ColumnType.Kind f = from.kind();
        ColumnType.Kind t = to.kind();
        List<ColumnType.Kind> ints = List.of(ColumnType.Kind.SMALLINT, ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT);
        if (ints.contains(f) && ints.contains(t)) {
            return ints.indexOf(t) < ints.indexOf(f);
        }
        if ((f == ColumnType.Kind.VARCHAR || f == ColumnType.Kind.CHAR) && t == ColumnType.Kind.TEXT) {
            return false;
        }
        if (f == t && (f == ColumnType.Kind.VARCHAR || f == ColumnType.Kind.CHAR || f == ColumnType.Kind.BINARY)) {
            return to.length() != null && (from.length() == null || to.length() < from.length());
        }
        if (f == t && f == ColumnType.Kind.DECIMAL) {
            int fp = Objects.requireNonNullElse(from.precision(), 0);
            int tp = Objects.requireNonNullElse(to.precision(), 0);
            int fs = Objects.requireNonNullElse(from.scale(), 0);
            int ts = Objects.requireNonNullElse(to.scale(), 0);
            return tp - ts < fp - fs || ts < fs;
        }
        if (f == ColumnType.Kind.REAL && t == ColumnType.Kind.DOUBLE) {
            return false;
        }
        if (f == ColumnType.Kind.ENUM && t == ColumnType.Kind.ENUM) {
            return !to.values().containsAll(from.values());
        }
        if (f == ColumnType.Kind.JSON && t == ColumnType.Kind.JSONB || f == ColumnType.Kind.JSONB && t == ColumnType.Kind.JSON) {
            return false;
        }
        return true;
    }

    private static String fkKey(ForeignKey f) {
        return f.columns() + "->" + f.referencedTable() + f.referencedColumns() + " " + f.onDelete() + " " + f.onUpdate();
    }

    private static Map<String, Index> byName(List<Index> indexes) {
        Map<String, Index> m = new LinkedHashMap<>();
        indexes.forEach(i -> m.put(i.name(), i));
        return m;
    }

    /** Tables ordered so that each comes after the tables (within {@code names}) it references. */
    static List<Table> orderByDependencies(List<Table> tables, Set<String> names) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        LinkedHashSet<String> done = new LinkedHashSet<>();
        for (Table t : tables) {
            visit(t.name(), byName, names, done, new HashSet<>());
        }
        List<Table> out = new ArrayList<>();
        done.forEach(n -> out.add(byName.get(n)));
        return out;
    }

    private static void visit(String start, Map<String, Table> byName, Set<String> names, Set<String> done, Set<String> visiting) {
        // Iterative depth-first walk; a table already on the path closes a cycle and is skipped here.
        java.util.Deque<String> path = new java.util.ArrayDeque<>();
        java.util.Deque<java.util.Iterator<ForeignKey>> its = new java.util.ArrayDeque<>();
        if (done.contains(start)) {
            return;
        }
        path.push(start);
        visiting.add(start);
        its.push(byName.get(start).foreignKeys().iterator());
        while (!path.isEmpty()) {
            java.util.Iterator<ForeignKey> it = its.peek();
            if (it.hasNext()) {
                String ref = it.next().referencedTable();
                if (names.contains(ref) && !done.contains(ref) && !visiting.contains(ref) && byName.containsKey(ref)) {
                    path.push(ref);
                    visiting.add(ref);
                    its.push(byName.get(ref).foreignKeys().iterator());
                }
            } else {
                String n = path.pop();
                its.pop();
                visiting.remove(n);
                done.add(n);
            }
        }
    }
}
