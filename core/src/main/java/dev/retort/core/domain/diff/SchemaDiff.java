package dev.retort.core.domain.diff;

import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.AddForeignKey;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.ConstraintType;
import dev.retort.core.domain.operation.CreateIndex;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.DropIndex;
import dev.retort.core.domain.operation.DropTable;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
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
 * other, ordered so each runs: new tables before the foreign keys that point at them (cycles
 * broken by adding those keys after both tables exist), drops in reverse.
 *
 * <p>First cut: tables, columns, indexes, unique constraints and foreign keys. Column type,
 * nullability and default changes are not compared yet.
 */
public final class SchemaDiff {
    private SchemaDiff() {
    }

    public static List<Operation> compare(Schema current, Schema target, DiffOptions options) {
        List<Operation> dropFks = new ArrayList<>();
        List<Operation> creates = new ArrayList<>();
        List<Operation> addColumns = new ArrayList<>();
        List<Operation> createIndexes = new ArrayList<>();
        List<Operation> addConstraints = new ArrayList<>();
        List<Operation> dropIndexes = new ArrayList<>();
        List<Operation> dropColumns = new ArrayList<>();
        List<Operation> dropTables = new ArrayList<>();

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

        // New tables in dependency order; a foreign key that would close a cycle is added afterwards.
        Set<String> created = new HashSet<>();
        for (Table t : current.tables()) {
            created.add(t.name());
        }
        Set<String> newNames = new HashSet<>();
        newTables.forEach(t -> newNames.add(t.name()));
        for (Table t : orderByDependencies(newTables, newNames)) {
            List<ForeignKey> inline = new ArrayList<>();
            for (ForeignKey fk : t.foreignKeys()) {
                boolean refReady = created.contains(fk.referencedTable()) || fk.referencedTable().equals(t.name())
                        || !newNames.contains(fk.referencedTable());
                if (refReady) {
                    inline.add(fk);
                } else {
                    addConstraints.add(new AddForeignKey(t.name(), fk));
                }
            }
            creates.add(new CreateTable(t.withForeignKeys(inline).withIndexes(List.of())));
            created.add(t.name());
            for (Index i : t.indexes()) {
                createIndexes.add(new CreateIndex(t.name(), i));
            }
        }

        for (Table want : target.tables()) {
            if (!options.compares(want.name())) {
                continue;
            }
            Table have = current.table(want.name()).orElse(null);
            if (have == null) {
                continue;
            }
            for (Column c : want.columns()) {
                if (have.column(c.name()).isEmpty()) {
                    addColumns.add(new AddColumn(want.name(), c));
                }
            }
            for (Column c : have.columns()) {
                if (want.column(c.name()).isEmpty()) {
                    dropColumns.add(new DropColumn(want.name(), c.name()));
                }
            }
            Map<String, Index> haveIdx = byName(have.indexes());
            Map<String, Index> wantIdx = byName(want.indexes());
            for (Index i : want.indexes()) {
                Index h = haveIdx.get(i.name());
                if (h == null) {
                    createIndexes.add(new CreateIndex(want.name(), i));
                } else if (!sameIndex(h, i)) {
                    dropIndexes.add(0, new DropIndex(want.name(), h.name()));
                    createIndexes.add(new CreateIndex(want.name(), i));
                }
            }
            for (Index h : have.indexes()) {
                if (!wantIdx.containsKey(h.name()) && !droppedWithColumn(h.columns(), have, want)) {
                    dropIndexes.add(new DropIndex(want.name(), h.name()));
                }
            }
            for (UniqueConstraint u : want.uniqueConstraints()) {
                if (have.uniqueConstraints().stream().noneMatch(x -> x.columns().equals(u.columns()))) {
                    addConstraints.add(new AddUniqueConstraint(want.name(), u));
                }
            }
            for (UniqueConstraint u : have.uniqueConstraints()) {
                if (want.uniqueConstraints().stream().noneMatch(x -> x.columns().equals(u.columns())) && u.name() != null
                        && !droppedWithColumn(u.columns(), have, want)) {
                    dropFks.add(new DropConstraint(want.name(), u.name(), ConstraintType.UNIQUE));
                }
            }
            for (ForeignKey fk : want.foreignKeys()) {
                if (have.foreignKeys().stream().noneMatch(x -> sameForeignKey(x, fk))) {
                    addConstraints.add(new AddForeignKey(want.name(), fk));
                }
            }
            for (ForeignKey fk : have.foreignKeys()) {
                if (want.foreignKeys().stream().noneMatch(x -> sameForeignKey(x, fk)) && !droppedWithColumn(fk.columns(), have, want)) {
                    dropFks.add(new DropConstraint(want.name(), Objects.requireNonNullElse(fk.name(), fkLabel(want.name(), fk)), ConstraintType.FOREIGN_KEY));
                }
            }
        }

        Set<String> goneNames = new HashSet<>();
        goneTables.forEach(t -> goneNames.add(t.name()));
        List<Table> goneOrdered = orderByDependencies(goneTables, goneNames);
        for (int k = goneOrdered.size() - 1; k >= 0; k--) {
            dropTables.add(new DropTable(goneOrdered.get(k).name()));
        }

        List<Operation> out = new ArrayList<>();
        out.addAll(dropFks);
        out.addAll(creates);
        out.addAll(addColumns);
        out.addAll(createIndexes);
        out.addAll(addConstraints);
        out.addAll(dropIndexes);
        out.addAll(dropColumns);
        out.addAll(dropTables);
        return out;
    }

    private static String fkLabel(String table, ForeignKey fk) {
        return "fk_" + table + "_" + String.join("_", fk.columns());
    }

    private static boolean droppedWithColumn(List<String> cols, Table have, Table want) {
        return cols.stream().anyMatch(c -> have.column(c).isPresent() && want.column(c).isEmpty());
    }

    private static Map<String, Index> byName(List<Index> indexes) {
        Map<String, Index> m = new LinkedHashMap<>();
        indexes.forEach(i -> m.put(i.name(), i));
        return m;
    }

    private static boolean sameIndex(Index a, Index b) {
        return a.unique() == b.unique() && a.columns().equals(b.columns());
    }

    /** Foreign keys are compared by shape, not by name: SQLite does not keep their names. */
    static boolean sameForeignKey(ForeignKey a, ForeignKey b) {
        return a.columns().equals(b.columns()) && a.referencedTable().equals(b.referencedTable())
                && a.referencedColumns().equals(b.referencedColumns()) && a.onDelete() == b.onDelete() && a.onUpdate() == b.onUpdate();
    }

    /** Tables ordered so that each comes after the tables (within {@code names}) it references. */
    private static List<Table> orderByDependencies(List<Table> tables, Set<String> names) {
        Map<String, Table> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.put(t.name(), t));
        LinkedHashSet<String> done = new LinkedHashSet<>();
        Set<String> visiting = new HashSet<>();
        for (Table t : tables) {
            visit(t.name(), byName, names, done, visiting);
        }
        List<Table> out = new ArrayList<>();
        done.forEach(n -> out.add(byName.get(n)));
        return out;
    }

    private static void visit(String name, Map<String, Table> byName, Set<String> names, Set<String> done, Set<String> visiting) {
        if (done.contains(name) || !visiting.add(name)) {
            return;
        }
        for (ForeignKey fk : byName.get(name).foreignKeys()) {
            String ref = fk.referencedTable();
            if (names.contains(ref) && !ref.equals(name)) {
                visit(ref, byName, names, done, visiting);
            }
        }
        visiting.remove(name);
        done.add(name);
    }
}
