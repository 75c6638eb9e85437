package dev.retort.dialect.sqlite;

import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.operation.AddCheckConstraint;
import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.AddForeignKey;
import dev.retort.core.domain.operation.AddPrimaryKey;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.AlterTable;
import dev.retort.core.domain.operation.CreateIndex;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.DropIndex;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.SchemaEvolution;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.dialect.jdbc.AbstractDdlRenderer;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SQLite DDL. SQLite keeps a column's declared type text as written and derives only an affinity
 * from it, so portable types are written under names {@link ColumnType#parse} reads back to the
 * same type:
 *
 * <pre>
 * portable         SQLite declared type     affinity
 * smallint         SMALLINT                 INTEGER
 * integer          INTEGER                  INTEGER
 * bigint           BIGINT                   INTEGER
 * decimal(p,s)     NUMERIC(p,s)             NUMERIC
 * real             REAL                     REAL
 * double           DOUBLE                   REAL
 * boolean          BOOLEAN                  NUMERIC
 * char(n)          CHAR(n)                  TEXT
 * varchar(n)       VARCHAR(n)               TEXT
 * text             TEXT                     TEXT
 * date             DATE                     NUMERIC
 * time(p)          TIME(p)                  NUMERIC
 * timestamp(p)     TIMESTAMP(p)             NUMERIC
 * timestamptz(p)   TIMESTAMPTZ(p)           NUMERIC
 * uuid             UUID                     NUMERIC (canonical UUID text never looks numeric, so stays text)
 * json             JSON                     NUMERIC
 * jsonb            JSONB                    NUMERIC
 * binary(n)        BINARY(n)                NUMERIC (blobs are stored as given)
 * blob             BLOB                     BLOB
 * enum('a','b')    TEXT CHECK (col IN ('a', 'b'))
 * other            the raw type text
 * </pre>
 *
 * An autoincrement key must be declared exactly {@code INTEGER PRIMARY KEY AUTOINCREMENT} (SQLite's
 * rowid alias), so a {@code bigint} or {@code smallint} key keeps its portable type in an SQL
 * comment after the type, holding {@code retort:bigint}, which SQLite keeps in the table's text and
 * the inspector reads back. Table and column comments are not rendered: SQLite has none.
 *
 * <p><b>Table rebuilds.</b> SQLite's ALTER TABLE can only rename, add and drop columns. Altering a
 * column's type, nullability or default, adding or dropping any constraint, and dropping a column
 * an index, key or check uses are rendered as the rebuild SQLite documents ("Making Other Kinds Of
 * Table Schema Changes"), from the schema model before the operation, never from the live table, so
 * the same SQL works offline:
 *
 * <ol>
 * <li>{@value #FOREIGN_KEYS_OFF}, when any table (itself included) references the table: with
 *     foreign keys on, {@code DROP TABLE} of a parent deletes its rows first, which cascades to,
 *     nulls or is refused by the referencing rows. SQLite ignores the pragma inside a transaction, so
 *     {@link SqliteDialect} runs it before the revision's transaction begins, and a guard statement
 *     fails the rebuild when foreign keys are still on (offline scripts);</li>
 * <li>{@code CREATE TABLE "_retort_tmp_<table>"} with the new definition, then
 *     {@code INSERT INTO ... SELECT} the kept columns. There is no CAST: the INSERT applies the new
 *     column's affinity, which converts what converts losslessly ({@code '12'} becomes {@code 12} in
 *     an integer column) and keeps the rest, exactly as inserting the value into the new column
 *     would; a CAST would silently turn {@code 'abc'} into {@code 0}. A column that becomes NOT NULL
 *     and has a default is copied as {@code COALESCE(col, (default))}; without a default a NULL
 *     fails the INSERT with SQLite's NOT NULL error naming the column, and the revision rolls back;</li>
 * <li>the AUTOINCREMENT counter is carried over, so deleted ids are not reused;</li>
 * <li>{@code DROP TABLE}, then {@code ALTER TABLE "_retort_tmp_<table>" RENAME TO <table>} with
 *     {@code PRAGMA legacy_alter_table = ON}, so views naming the table keep working (without it the
 *     rename fails on every view that names the dropped table);</li>
 * <li>the table's indexes are created again;</li>
 * <li>{@code PRAGMA foreign_key_check} for the table and the tables referencing it, failing the
 *     revision with a message naming the table when a row violates a foreign key.</li>
 * </ol>
 *
 * Triggers on the table are dropped with it and not recreated (the model does not know them), nor
 * are table options the model does not hold (STRICT, WITHOUT ROWID). Several rebuilds of one table
 * in a row become one rebuild through {@link #renderAll}.
 */
public class SqliteDdlRenderer extends AbstractDdlRenderer {
    /**
     * Starts a rebuild of a table other tables reference. {@link SqliteDialect} recognises it: it
     * switches foreign keys off before the revision's transaction begins and back on after it ends.
     */
    public static final String FOREIGN_KEYS_OFF = "PRAGMA foreign_keys = OFF";

    @Override
    public boolean mustStartTransaction(String statement) {
        return FOREIGN_KEYS_OFF.equals(statement);
    }
    /** Ends such a rebuild; a no-op inside a transaction, it restores enforcement when run without one. */
    public static final String FOREIGN_KEYS_ON = "PRAGMA foreign_keys = ON";
    /** The prefix of the table a rebuild copies the rows into. */
    public static final String TMP_PREFIX = "_retort_tmp_";
    static final String CHECK_TABLE = "_retort_rebuild_check";
    private static final Set<ColumnType.Kind> INTEGER_KINDS = Set.of(ColumnType.Kind.SMALLINT, ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT);

    public SqliteDdlRenderer() {
        super(SqliteDialectProvider.NAME, "SQLite", SqlQuoting.ANSI);
    }

    /**
     * Renders a revision's operations, turning each run of consecutive operations on one table that
     * need a rebuild into a single rebuild; see {@link SqliteRebuildPlanner}.
     *
     * @param before the schema model before the first operation; never null
     */
    public List<String> renderAll(List<? extends Operation> operations, Schema before) {
        return new SqliteRebuildPlanner(this).renderAll(operations, before);
    }

    @Override
    protected String typeName(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DECIMAL -> type.precision() == null ? "NUMERIC"
                    : "NUMERIC(" + type.precision() + "," + (type.scale() == null ? 0 : type.scale()) + ")";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case CHAR -> sized("CHAR", type.length());
            case VARCHAR -> sized("VARCHAR", type.length());
            case TEXT, ENUM -> "TEXT";
            case DATE -> "DATE";
            case TIME -> sized("TIME", type.precision());
            case TIMESTAMP -> sized("TIMESTAMP", type.precision());
            case TIMESTAMP_TZ -> sized("TIMESTAMPTZ", type.precision());
            case UUID -> "UUID";
            case JSON -> "JSON";
            case JSONB -> "JSONB";
            case BINARY -> sized("BINARY", type.length());
            case BLOB -> "BLOB";
            case OTHER -> otherType(type);
        };
    }

    private static String sized(String name, Integer size) {
        return size == null ? name : name + "(" + size + ")";
    }

    /** Parenthesised, because SQLite's DEFAULT takes only literals unless the expression is in parentheses. */
    @Override
    protected String defaultClause(String expression) {
        return " DEFAULT (" + expression + ")";
    }

    @Override
    protected String columnDefinition(Column column, boolean inPrimaryKey) {
        if (!column.autoincrement()) {
            return super.columnDefinition(column, inPrimaryKey);
        }
        String marker = column.type().kind() == ColumnType.Kind.INTEGER ? "" : " /* retort:" + column.type() + " */";
        String def = quote(column.name()) + " INTEGER" + marker + " NOT NULL PRIMARY KEY AUTOINCREMENT";
        return column.defaultValue() == null ? def : def + defaultClause(column.defaultValue());
    }

    @Override
    protected String primaryKeyElement(Table table) {
        return inlineAutoincrementKey(table) ? null : super.primaryKeyElement(table);
    }

    /** Whether the table's key is written inline as {@code INTEGER PRIMARY KEY AUTOINCREMENT}, which loses its constraint name. */
    static boolean inlineAutoincrementKey(Table table) {
        return table.primaryKey() != null && table.primaryKey().columns().size() == 1
                && table.column(table.primaryKey().columns().get(0)).map(Column::autoincrement).orElse(false);
    }

    @Override
    public List<String> visitCreateTable(CreateTable op) {
        checkAutoincrement(op, op.definition());
        return super.visitCreateTable(op);
    }

    private void checkAutoincrement(Operation op, Table t) {
        for (Column c : t.columns()) {
            if (!c.autoincrement()) {
                continue;
            }
            if (!INTEGER_KINDS.contains(c.type().kind())) {
                throw unsupported(op, "SQLite can autoincrement only an integer column, and " + c.name() + " is " + c.type());
            }
            if (!inlineAutoincrementKey(t) || !t.primaryKey().columns().get(0).equals(c.name())) {
                throw unsupported(op, "SQLite can autoincrement only a table's single-column primary key, and " + c.name() + " is not one");
            }
        }
    }

    @Override
    public List<String> visitAddColumn(AddColumn op) {
        Column c = op.column();
        if (c.autoincrement()) {
            throw unsupported(op, "SQLite cannot add an autoincrement column to an existing table");
        }
        if (!c.nullable() && c.defaultValue() == null) {
            throw unsupported(op, "SQLite cannot add a NOT NULL column without a default to an existing table; give it a default, or make it nullable");
        }
        return super.visitAddColumn(op);
    }

    @Override
    public List<String> visitDropColumn(DropColumn op) {
        if (needsRebuild(op, schemaBefore())) {
            return rebuild(List.of(op), schemaBefore());
        }
        refuseDroppingReferencedColumn(op, schemaBefore());
        return super.visitDropColumn(op);
    }

    @Override
    public List<String> visitAlterColumn(AlterColumn op) {
        if (!needsRebuild(op, schemaBefore())) {
            return List.of();
        }
        return rebuild(List.of(op), schemaBefore());
    }

    @Override
    public List<String> visitAddPrimaryKey(AddPrimaryKey op) {
        return rebuild(List.of(op), schemaBefore());
    }

    @Override
    public List<String> visitAddUniqueConstraint(AddUniqueConstraint op) {
        return rebuild(List.of(op), schemaBefore());
    }

    @Override
    public List<String> visitAddForeignKey(AddForeignKey op) {
        return rebuild(List.of(op), schemaBefore());
    }

    @Override
    public List<String> visitAddCheckConstraint(AddCheckConstraint op) {
        return rebuild(List.of(op), schemaBefore());
    }

    @Override
    public List<String> visitDropConstraint(DropConstraint op) {
        return rebuild(List.of(op), schemaBefore());
    }

    // ---------------------------------------------------------------- rebuilds

    /**
     * Whether SQLite can do {@code op} only by rebuilding its table: column alterations other than
     * a comment, constraint changes, and dropping a column that a key, unique constraint, index,
     * foreign key or check uses (SQLite refuses those in place).
     */
    boolean needsRebuild(Operation op, Schema before) {
        if (op instanceof AlterColumn a) {
            return a.type() != null || a.nullable() != null || a.defaultValue() != null;
        }
        if (op instanceof DropColumn d) {
            Table t = before.table(d.table()).orElse(null);
            if (t == null) {
                return false;
            }
            String c = d.column();
            return (t.primaryKey() != null && t.primaryKey().columns().contains(c))
                    || t.uniqueConstraints().stream().anyMatch(u -> u.columns().contains(c))
                    || t.indexes().stream().anyMatch(i -> i.columns().contains(c))
                    || t.foreignKeys().stream().anyMatch(f -> f.columns().contains(c))
                    || t.checks().stream().anyMatch(k -> SqliteTableSql.mentions(k.expression(), c));
        }
        return op instanceof AddPrimaryKey || op instanceof AddUniqueConstraint || op instanceof AddForeignKey
                || op instanceof AddCheckConstraint || op instanceof DropConstraint;
    }

    /**
     * Whether {@code op} can join a rebuild of its table without needing one itself: its effect is
     * part of the new definition the rebuild writes anyway.
     */
    static boolean absorbable(Operation op) {
        return op instanceof DropColumn || op instanceof CreateIndex || op instanceof DropIndex || op instanceof AlterTable
                || (op instanceof AlterColumn a && a.type() == null && a.nullable() == null && a.defaultValue() == null);
    }

    /**
     * One rebuild doing all of {@code ops}, which all change one table, from the model before them.
     *
     * @throws dev.retort.core.domain.UnsupportedOperationForDialectException when the model does not
     *         know the table, or the operations do not apply to it, or the new definition is one
     *         SQLite cannot hold
     */
    List<String> rebuild(List<? extends Operation> ops, Schema before) {
        Operation first = ops.get(0);
        String name = first.table();
        Table old = before.table(name).orElseThrow(() -> unsupported(first, "SQLite changes this only by rebuilding the table, and its "
                + "definition is unknown here (created or changed by raw SQL?); write the rebuild as raw SQL, or create the table with operations"));
        Schema after = before;
        // Where a column becomes NOT NULL with a default, its NULLs take the default it has at that step.
        Map<String, String> fills = new HashMap<>();
        for (Operation op : ops) {
            Schema next;
            try {
                next = SchemaEvolution.apply(after, op);
            } catch (RetortException e) {
                throw unsupported(op, e.getMessage());
            }
            if (op instanceof AlterColumn a && Boolean.FALSE.equals(a.nullable())) {
                Column was = after.table(name).flatMap(t -> t.column(a.column())).orElseThrow();
                Column now = next.table(name).flatMap(t -> t.column(a.column())).orElseThrow();
                if (was.nullable() && now.defaultValue() != null) {
                    fills.putIfAbsent(a.column(), now.defaultValue());
                }
            }
            after = next;
        }
        Table neu = after.table(name).orElseThrow();
        checkAutoincrement(first, neu);
        for (Column gone : old.columns()) {
            if (neu.column(gone.name()).isPresent()) {
                continue;
            }
            for (CheckConstraint k : neu.checks()) {
                if (SqliteTableSql.mentions(k.expression(), gone.name())) {
                    throw unsupported(first, "check " + (k.name() == null ? "(" + k.expression() + ")" : k.name()) + " uses column "
                            + gone.name() + "; drop the check first");
                }
            }
            refuseDroppingReferencedColumn(new DropColumn(name, gone.name()), after);
        }
        return rebuildStatements(before, old, neu, fills);
    }

    private void refuseDroppingReferencedColumn(DropColumn op, Schema schema) {
        for (Table other : schema.tables()) {
            for (ForeignKey fk : other.foreignKeys()) {
                if (fk.referencedTable().equalsIgnoreCase(op.table()) && fk.referencedColumns().contains(op.column())) {
                    throw unsupported(op, "the foreign key " + (fk.name() == null ? "" : fk.name() + " ") + "of table " + other.name()
                            + " references it; drop that foreign key first");
                }
            }
        }
    }

    private List<String> rebuildStatements(Schema before, Table old, Table neu, Map<String, String> fills) {
        String table = neu.name();
        String tmp = TMP_PREFIX + table;
        List<String> children = new ArrayList<>();
        boolean referenced = false;
        for (Table other : before.tables()) {
            if (other.foreignKeys().stream().anyMatch(f -> f.referencedTable().equalsIgnoreCase(table))) {
                referenced = true;
                if (!other.name().equalsIgnoreCase(table)) {
                    children.add(other.name());
                }
            }
        }
        boolean checkForeignKeys = referenced || !neu.foreignKeys().isEmpty();
        String check = "temp." + quote(CHECK_TABLE);

        List<String> out = new ArrayList<>();
        if (referenced) {
            out.add(FOREIGN_KEYS_OFF);
        }
        if (checkForeignKeys) {
            out.add("CREATE TEMP TABLE " + quote(CHECK_TABLE) + " ("
                    + quote("foreign_keys") + " INTEGER CONSTRAINT " + quote("rebuilding table " + table
                    + " needs foreign keys off: run PRAGMA foreign_keys = OFF before BEGIN") + " CHECK (" + quote("foreign_keys") + " = 0), "
                    + quote("violations") + " INTEGER CONSTRAINT " + quote("rows of " + table
                    + " violate its foreign keys after the rebuild; PRAGMA foreign_key_check(" + table + ") lists them")
                    + " CHECK (" + quote("violations") + " = 0), "
                    + quote("orphans") + " INTEGER CONSTRAINT " + quote("rows of tables referencing " + table
                    + " lost their parent row in the rebuild; PRAGMA foreign_key_check lists them") + " CHECK (" + quote("orphans") + " = 0))");
            if (referenced) {
                out.add("INSERT INTO " + check + " (" + quote("foreign_keys") + ") SELECT " + quote("foreign_keys") + " FROM pragma_foreign_keys");
            }
            // With foreign keys on, a violation then fails the check below, which names the table, rather than the INSERT.
            out.add("PRAGMA defer_foreign_keys = ON");
        }
        out.add("CREATE TABLE " + quote(tmp) + " (\n    " + String.join(",\n    ", tableElements(neu)) + "\n)");
        List<String> columns = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column c : neu.columns()) {
            Column was = old.column(c.name()).orElse(null);
            if (was == null) {
                continue;
            }
            columns.add(quote(c.name()));
            String fill = c.nullable() ? null : fills.get(c.name());
            values.add(fill == null ? quote(c.name()) : "COALESCE(" + quote(c.name()) + ", (" + fill + "))");
        }
        out.add("INSERT INTO " + quote(tmp) + " (" + String.join(", ", columns) + ") SELECT " + String.join(", ", values) + " FROM " + quote(table));
        boolean sequence = old.columns().stream().anyMatch(Column::autoincrement) && neu.columns().stream().anyMatch(Column::autoincrement);
        if (sequence) {
            // The counter keeps the highest id ever given; max(id) alone would hand out ids of deleted rows again.
            out.add("DELETE FROM " + quote("sqlite_sequence") + " WHERE " + quote("name") + " = " + literal(tmp));
            out.add("INSERT INTO " + quote("sqlite_sequence") + " (" + quote("name") + ", " + quote("seq") + ") SELECT " + literal(tmp)
                    + ", " + quote("seq") + " FROM " + quote("sqlite_sequence") + " WHERE lower(" + quote("name") + ") = lower(" + literal(table) + ")");
        }
        out.add("DROP TABLE " + quote(table));
        out.add("PRAGMA legacy_alter_table = ON");
        out.add(alterTable(tmp) + "RENAME TO " + quote(table));
        out.add("PRAGMA legacy_alter_table = OFF");
        for (Index i : neu.indexes()) {
            out.add(createIndex(table, i));
        }
        if (checkForeignKeys) {
            StringBuilder orphans = new StringBuilder("0");
            for (String child : children) {
                orphans.append(" + (SELECT count(*) FROM pragma_foreign_key_check(").append(literal(child)).append(") WHERE lower(")
                        .append(quote("parent")).append(") = lower(").append(literal(table)).append("))");
            }
            out.add("INSERT INTO " + check + " (" + quote("violations") + ", " + quote("orphans") + ") SELECT (SELECT count(*) FROM pragma_foreign_key_check("
                    + literal(table) + ")), " + orphans);
            out.add("PRAGMA defer_foreign_keys = OFF");
            out.add("DROP TABLE " + check);
        }
        if (referenced) {
            out.add(FOREIGN_KEYS_ON);
        }
        return out;
    }
}
