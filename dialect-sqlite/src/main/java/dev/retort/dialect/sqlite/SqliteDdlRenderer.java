package dev.retort.dialect.sqlite;

import dev.retort.core.domain.operation.AddCheckConstraint;
import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.AddForeignKey;
import dev.retort.core.domain.operation.AddPrimaryKey;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.Table;
import dev.retort.dialect.jdbc.AbstractDdlRenderer;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.util.List;
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
 * Constraint changes on an existing table need a table rebuild, not supported yet. DROP COLUMN
 * fails while an index, key or check still uses the column (SQLite's rule); drop those first.
 */
public class SqliteDdlRenderer extends AbstractDdlRenderer {
    static final String REBUILD_PLANNED = "SQLite cannot do this in place; table rebuild support is planned";
    private static final Set<ColumnType.Kind> INTEGER_KINDS = Set.of(ColumnType.Kind.SMALLINT, ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT);

    public SqliteDdlRenderer() {
        super(SqliteDialectProvider.NAME, "SQLite", SqlQuoting.ANSI);
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

    private static boolean inlineAutoincrementKey(Table table) {
        return table.primaryKey() != null && table.primaryKey().columns().size() == 1
                && table.column(table.primaryKey().columns().get(0)).map(Column::autoincrement).orElse(false);
    }

    @Override
    public List<String> visitCreateTable(CreateTable op) {
        Table t = op.definition();
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
        return super.visitCreateTable(op);
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
    public List<String> visitAlterColumn(AlterColumn op) {
        if (op.type() == null && op.nullable() == null && op.defaultValue() == null) {
            return List.of();
        }
        throw rebuild(op);
    }

    @Override
    public List<String> visitAddPrimaryKey(AddPrimaryKey op) {
        throw rebuild(op);
    }

    @Override
    public List<String> visitAddUniqueConstraint(AddUniqueConstraint op) {
        throw rebuild(op);
    }

    @Override
    public List<String> visitAddForeignKey(AddForeignKey op) {
        throw rebuild(op);
    }

    @Override
    public List<String> visitAddCheckConstraint(AddCheckConstraint op) {
        throw rebuild(op);
    }

    @Override
    public List<String> visitDropConstraint(DropConstraint op) {
        throw rebuild(op);
    }

    private RuntimeException rebuild(Operation op) {
        return unsupported(op, REBUILD_PLANNED);
    }
}
