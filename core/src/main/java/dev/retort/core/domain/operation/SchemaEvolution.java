package dev.retort.core.domain.operation;

import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies operations to a schema model without a database, and computes inverses. This is how
 * autogenerate writes downgrades, and how later features know the schema at any revision.
 */
public final class SchemaEvolution {
    private SchemaEvolution() {
    }

    /** The schema after {@code op}. Raw SQL leaves the model unchanged. */
    public static Schema apply(Schema schema, Operation op) {
        return op.accept(new Applier(schema));
    }

    public static Schema applyAll(Schema schema, List<? extends Operation> ops) {
        Schema s = schema;
        for (Operation op : ops) {
            s = apply(s, op);
        }
        return s;
    }

    /**
     * The operations that undo {@code ops}, in order, given the schema before them.
     *
     * @throws RetortException when an operation has no inverse (raw SQL)
     */
    public static List<Operation> invertAll(Schema before, List<? extends Operation> ops) {
        List<Operation> out = new ArrayList<>();
        Schema s = before;
        for (Operation op : ops) {
            out.addAll(0, invert(s, op));
            s = apply(s, op);
        }
        return withoutDropsBeforeDropTable(out);
    }

    /**
     * Removes index and constraint drops on a table that a later operation drops anyway: they add
     * nothing, and MySQL refuses to drop an index a foreign key still needs.
     */
    static List<Operation> withoutDropsBeforeDropTable(List<Operation> ops) {
        List<Operation> out = new ArrayList<>();
        for (int i = 0; i < ops.size(); i++) {
            Operation op = ops.get(i);
            if ((op instanceof DropIndex || op instanceof DropConstraint) && droppedLater(ops, i, op.table())) {
                continue;
            }
            out.add(op);
        }
        return out;
    }

    private static boolean droppedLater(List<Operation> ops, int from, String table) {
        for (int k = from + 1; k < ops.size(); k++) {
            Operation later = ops.get(k);
            if (later instanceof DropTable d && d.table().equals(table)) {
                return true;
            }
            boolean sameTable = table.equals(later.table());
            if (later instanceof CreateTable || later instanceof RenameTable || later instanceof ExecuteSql
                    || sameTable && !(later instanceof DropIndex || later instanceof DropConstraint)) {
                return false;
            }
        }
        return false;
    }

    /** The operations that undo one operation, given the schema before it. */
    public static List<Operation> invert(Schema before, Operation op) {
        return op.accept(new Inverter(before));
    }

    private static RetortException missing(String what) {
        return new RetortException(what);
    }

    /** Renames a column in a check expression, as databases do (bare or quoted identifiers, not inside string literals). */
    static String renameIdentifier(String expression, String from, String to) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'(?:[^']|'')*'|([\"`\\[]?)(?<![A-Za-z0-9_$])" + java.util.regex.Pattern.quote(from)
                + "(?![A-Za-z0-9_$])([\"`\\]]?)", java.util.regex.Pattern.CASE_INSENSITIVE).matcher(expression);
        while (m.find()) {
            String hit = m.group();
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(hit.startsWith("'") ? hit : m.group(1) + to + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    static Table table(Schema schema, String name) {
        return schema.table(name).orElseThrow(() -> missing("table " + name + " does not exist at this point"));
    }

    static Column column(Table table, String name) {
        return table.column(name).orElseThrow(() -> missing("column " + table.name() + "." + name + " does not exist at this point"));
    }

    private static final class Applier implements OperationVisitor<Schema> {
        private final Schema s;

        Applier(Schema s) {
            this.s = s;
        }

        private Schema replace(String name, Table t) {
            return s.replaceTable(name, t);
        }

        @Override
        public Schema visitCreateTable(CreateTable op) {
            if (s.hasTable(op.table())) {
                throw missing("table " + op.table() + " already exists at this point");
            }
            return s.withTable(op.definition());
        }

        @Override
        public Schema visitDropTable(DropTable op) {
            table(s, op.table());
            return s.withoutTable(op.table());
        }

        @Override
        public Schema visitRenameTable(RenameTable op) {
            Table t = table(s, op.table());
            if (!op.newName().equals(op.table()) && s.hasTable(op.newName())) {
                throw missing("cannot rename table " + op.table() + " to " + op.newName() + ": table " + op.newName() + " already exists at this point");
            }
            Schema renamed = replace(op.table(), t.withName(op.newName()));
            List<Table> tables = new ArrayList<>();
            for (Table other : renamed.tables()) {
                List<ForeignKey> fks = new ArrayList<>();
                for (ForeignKey fk : other.foreignKeys()) {
                    fks.add(fk.referencedTable().equals(op.table())
                            ? new ForeignKey(fk.name(), fk.columns(), op.newName(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate())
                            : fk);
                }
                tables.add(other.withForeignKeys(fks));
            }
            return new Schema(tables);
        }

        @Override
        public Schema visitAddColumn(AddColumn op) {
            Table t = table(s, op.table());
            if (t.column(op.column().name()).isPresent()) {
                throw missing("column " + op.table() + "." + op.column().name() + " already exists at this point");
            }
            return replace(op.table(), t.withColumn(op.column()));
        }

        @Override
        public Schema visitDropColumn(DropColumn op) {
            Table t = table(s, op.table());
            column(t, op.column());
            return replace(op.table(), t.withoutColumn(op.column()));
        }

        @Override
        public Schema visitAlterColumn(AlterColumn op) {
            Table t = table(s, op.table());
            Column c = column(t, op.column());
            if (op.type() != null) {
                c = c.withType(op.type());
            }
            if (op.nullable() != null) {
                c = c.withNullable(op.nullable());
            }
            if (op.defaultValue() != null) {
                c = c.withDefault(op.defaultValue().value());
            }
            if (op.comment() != null) {
                c = c.withComment(op.comment().value());
            }
            return replace(op.table(), t.replaceColumn(op.column(), c));
        }

        @Override
        public Schema visitAlterTable(AlterTable op) {
            return replace(op.table(), table(s, op.table()).withComment(op.comment().value()));
        }

        @Override
        public Schema visitRenameColumn(RenameColumn op) {
            Table t = table(s, op.table());
            Column c = column(t, op.column());
            if (!op.newName().equals(op.column()) && t.column(op.newName()).isPresent()) {
                throw missing("cannot rename column " + op.table() + "." + op.column() + " to " + op.newName() + ": that column already exists at this point");
            }
            java.util.function.UnaryOperator<List<String>> ren = cols -> cols.stream().map(x -> x.equals(op.column()) ? op.newName() : x).toList();
            List<Column> columns = t.columns().stream().map(x -> x.name().equals(op.column()) ? c.withName(op.newName()) : x).toList();
            // One constructor call: a table whose primary key names the old column would not validate.
            Table nt = new Table(t.name(), columns,
                    t.primaryKey() == null ? null : new dev.retort.core.domain.schema.PrimaryKey(t.primaryKey().name(), ren.apply(t.primaryKey().columns())),
                    t.uniqueConstraints().stream().map(u -> new dev.retort.core.domain.schema.UniqueConstraint(u.name(), ren.apply(u.columns()))).toList(),
                    t.indexes().stream().map(i -> new Index(i.name(), ren.apply(i.columns()), i.unique())).toList(),
                    t.foreignKeys().stream().map(f -> new ForeignKey(f.name(), ren.apply(f.columns()), f.referencedTable(), f.referencedColumns(), f.onDelete(), f.onUpdate())).toList(),
                    t.checks().stream().map(k -> new dev.retort.core.domain.schema.CheckConstraint(k.name(),
                            renameIdentifier(k.expression(), op.column(), op.newName()))).toList(), t.comment());
            List<Table> tables = new ArrayList<>();
            for (Table other : replace(op.table(), nt).tables()) {
                List<ForeignKey> fks = new ArrayList<>();
                for (ForeignKey fk : other.foreignKeys()) {
                    fks.add(fk.referencedTable().equals(op.table())
                            ? new ForeignKey(fk.name(), fk.columns(), fk.referencedTable(), ren.apply(fk.referencedColumns()), fk.onDelete(), fk.onUpdate())
                            : fk);
                }
                tables.add(other.withForeignKeys(fks));
            }
            return new Schema(tables);
        }

        @Override
        public Schema visitCreateIndex(CreateIndex op) {
            Table t = table(s, op.table());
            if (t.index(op.index().name()).isPresent()) {
                throw missing("index " + op.index().name() + " on " + op.table() + " already exists at this point");
            }
            List<Index> list = new ArrayList<>(t.indexes());
            list.add(op.index());
            return replace(op.table(), t.withIndexes(list));
        }

        @Override
        public Schema visitDropIndex(DropIndex op) {
            Table t = table(s, op.table());
            if (t.index(op.name()).isEmpty()) {
                throw missing("index " + op.name() + " on " + op.table() + " does not exist at this point");
            }
            return replace(op.table(), t.withIndexes(t.indexes().stream().filter(i -> !i.name().equals(op.name())).toList()));
        }

        @Override
        public Schema visitAddPrimaryKey(AddPrimaryKey op) {
            Table t = table(s, op.table());
            if (t.primaryKey() != null) {
                throw missing("table " + op.table() + " already has a primary key at this point; drop it first");
            }
            return replace(op.table(), t.withPrimaryKey(op.primaryKey()));
        }

        @Override
        public Schema visitAddUniqueConstraint(AddUniqueConstraint op) {
            Table t = table(s, op.table());
            List<dev.retort.core.domain.schema.UniqueConstraint> list = new ArrayList<>(t.uniqueConstraints());
            list.add(op.constraint());
            return replace(op.table(), t.withUniqueConstraints(list));
        }

        @Override
        public Schema visitAddForeignKey(AddForeignKey op) {
            Table t = table(s, op.table());
            List<ForeignKey> list = new ArrayList<>(t.foreignKeys());
            list.add(op.foreignKey());
            return replace(op.table(), t.withForeignKeys(list));
        }

        @Override
        public Schema visitAddCheckConstraint(AddCheckConstraint op) {
            Table t = table(s, op.table());
            List<dev.retort.core.domain.schema.CheckConstraint> list = new ArrayList<>(t.checks());
            list.add(op.check());
            return replace(op.table(), t.withChecks(list));
        }

        @Override
        public Schema visitDropConstraint(DropConstraint op) {
            Table t = table(s, op.table());
            String n = op.name();
            boolean exists = switch (op.type()) {
                case PRIMARY_KEY -> t.primaryKey() != null;
                case UNIQUE -> t.uniqueConstraints().stream().anyMatch(u -> n.equals(u.name()));
                case FOREIGN_KEY -> t.foreignKeys().stream().anyMatch(f -> n.equals(f.name()));
                case CHECK -> t.checks().stream().anyMatch(c -> n.equals(c.name()));
            };
            if (!exists) {
                throw missing("constraint " + n + " on " + op.table() + " does not exist at this point");
            }
            Table nt = switch (op.type()) {
                case PRIMARY_KEY -> t.withPrimaryKey(null);
                case UNIQUE -> t.withUniqueConstraints(t.uniqueConstraints().stream().filter(u -> !n.equals(u.name())).toList());
                case FOREIGN_KEY -> t.withForeignKeys(t.foreignKeys().stream().filter(f -> !n.equals(f.name())).toList());
                case CHECK -> t.withChecks(t.checks().stream().filter(c -> !n.equals(c.name())).toList());
            };
            return replace(op.table(), nt);
        }

        @Override
        public Schema visitExecuteSql(ExecuteSql op) {
            if (op.declares() == null) {
                return s;
            }
            Schema out = s;
            for (String gone : op.declares().dropped()) {
                if (out.hasTable(gone)) {
                    out = out.withoutTable(gone);
                }
            }
            for (Table t : op.declares().tables()) {
                out = out.hasTable(t.name()) ? out.replaceTable(t.name(), t) : out.withTable(t);
            }
            return out;
        }
    }

    private static final class Inverter implements OperationVisitor<List<Operation>> {
        private final Schema s;

        Inverter(Schema s) {
            this.s = s;
        }

        @Override
        public List<Operation> visitCreateTable(CreateTable op) {
            return List.of(new DropTable(op.table()));
        }

        @Override
        public List<Operation> visitDropTable(DropTable op) {
            return List.of(new CreateTable(table(s, op.table())));
        }

        @Override
        public List<Operation> visitRenameTable(RenameTable op) {
            return List.of(new RenameTable(op.newName(), op.table()));
        }

        @Override
        public List<Operation> visitAddColumn(AddColumn op) {
            return List.of(new DropColumn(op.table(), op.column().name()));
        }

        @Override
        public List<Operation> visitDropColumn(DropColumn op) {
            Table t = table(s, op.table());
            List<Operation> out = new ArrayList<>();
            out.add(new AddColumn(op.table(), column(t, op.column())));
            if (t.primaryKey() != null && t.primaryKey().columns().contains(op.column())) {
                out.add(new AddPrimaryKey(op.table(), t.primaryKey()));
            }
            for (dev.retort.core.domain.schema.UniqueConstraint u : t.uniqueConstraints()) {
                if (u.columns().contains(op.column())) {
                    out.add(new AddUniqueConstraint(op.table(), u));
                }
            }
            for (Index i : t.indexes()) {
                if (i.columns().contains(op.column())) {
                    out.add(new CreateIndex(op.table(), i));
                }
            }
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.columns().contains(op.column())) {
                    out.add(new AddForeignKey(op.table(), fk));
                }
            }
            Table without = t.withoutColumn(op.column());
            for (dev.retort.core.domain.schema.CheckConstraint c : t.checks()) {
                if (!without.checks().contains(c)) {
                    out.add(new AddCheckConstraint(op.table(), c));
                }
            }
            return out;
        }

        @Override
        public List<Operation> visitAlterColumn(AlterColumn op) {
            Column c = column(table(s, op.table()), op.column());
            return List.of(new AlterColumn(op.table(), op.column(),
                    op.type() == null ? null : c.type(),
                    op.nullable() == null ? null : c.nullable(),
                    op.defaultValue() == null ? null : new AlterColumn.Change(c.defaultValue()),
                    op.comment() == null ? null : new AlterColumn.Change(c.comment())));
        }

        @Override
        public List<Operation> visitAlterTable(AlterTable op) {
            return List.of(AlterTable.comment(op.table(), table(s, op.table()).comment()));
        }

        @Override
        public List<Operation> visitRenameColumn(RenameColumn op) {
            return List.of(new RenameColumn(op.table(), op.newName(), op.column()));
        }

        @Override
        public List<Operation> visitCreateIndex(CreateIndex op) {
            return List.of(new DropIndex(op.table(), op.index().name()));
        }

        @Override
        public List<Operation> visitDropIndex(DropIndex op) {
            Table t = table(s, op.table());
            return List.of(new CreateIndex(op.table(), t.index(op.name())
                    .orElseThrow(() -> missing("index " + op.name() + " on " + op.table() + " does not exist at this point"))));
        }

        private static String named(String name, String what) {
            if (name == null) {
                throw missing("cannot invert: the " + what + " has no name; give it a name so it can be dropped");
            }
            return name;
        }

        @Override
        public List<Operation> visitAddPrimaryKey(AddPrimaryKey op) {
            return List.of(new DropConstraint(op.table(), named(op.primaryKey().name(), "primary key on " + op.table()), ConstraintType.PRIMARY_KEY));
        }

        @Override
        public List<Operation> visitAddUniqueConstraint(AddUniqueConstraint op) {
            return List.of(new DropConstraint(op.table(), named(op.constraint().name(), "unique constraint on " + op.table()), ConstraintType.UNIQUE));
        }

        @Override
        public List<Operation> visitAddForeignKey(AddForeignKey op) {
            return List.of(new DropConstraint(op.table(), named(op.foreignKey().name(), "foreign key on " + op.table()), ConstraintType.FOREIGN_KEY));
        }

        @Override
        public List<Operation> visitAddCheckConstraint(AddCheckConstraint op) {
            return List.of(new DropConstraint(op.table(), named(op.check().name(), "check constraint on " + op.table()), ConstraintType.CHECK));
        }

        @Override
        public List<Operation> visitDropConstraint(DropConstraint op) {
            Table t = table(s, op.table());
            String n = op.name();
            java.util.Optional<Operation> inv = switch (op.type()) {
                case PRIMARY_KEY -> java.util.Optional.ofNullable(t.primaryKey()).map(pk -> new AddPrimaryKey(op.table(), pk));
                case UNIQUE -> t.uniqueConstraints().stream().filter(u -> n.equals(u.name())).findFirst().map(u -> new AddUniqueConstraint(op.table(), u));
                case FOREIGN_KEY -> t.foreignKeys().stream().filter(f -> n.equals(f.name())).findFirst().map(f -> new AddForeignKey(op.table(), f));
                case CHECK -> t.checks().stream().filter(c -> n.equals(c.name())).findFirst().map(c -> new AddCheckConstraint(op.table(), c));
            };
            return List.of(inv.orElseThrow(() -> missing("constraint " + n + " on " + op.table() + " does not exist at this point")));
        }

        @Override
        public List<Operation> visitExecuteSql(ExecuteSql op) {
            throw missing("raw sql has no automatic inverse; write the downgrade by hand");
        }
    }
}
