package dev.retort.dialect.mysql;

import dev.retort.core.domain.UnsupportedOperationForDialectException;
import dev.retort.core.domain.operation.AddCheckConstraint;
import dev.retort.core.domain.operation.AddForeignKey;
import dev.retort.core.domain.operation.AddPrimaryKey;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.CreateIndex;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.DropIndex;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import dev.retort.dialect.jdbc.AbstractDdlRenderer;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * MySQL 8 and MariaDB 10.11+ DDL (one renderer for both; docs/dialects/mysql.md has the full
 * table): backtick quoting, {@code AUTO_INCREMENT}, native {@code ENUM}, inline comments, tables
 * {@code ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci}.
 *
 * <pre>
 * smallint integer bigint  SMALLINT INT BIGINT
 * decimal(p,s)             DECIMAL(p,s)
 * real double              FLOAT DOUBLE
 * boolean                  BOOLEAN (stored as TINYINT(1))
 * char(n) varchar(n) text  CHAR(n) VARCHAR(n) TEXT (varchar without length: VARCHAR(255))
 * date time(p)             DATE TIME(p)
 * timestamp(p)             DATETIME(p): wall-clock time, no time zone
 * timestamptz(p)           TIMESTAMP(p): stored as UTC, read in the session time zone, 1970..2038
 * uuid                     CHAR(36)
 * json jsonb               JSON (MariaDB: LONGTEXT with a JSON_VALID check)
 * binary(n) blob           BINARY(n) BLOB (binary without length: BLOB)
 * enum('a','b')            ENUM('a','b')
 * </pre>
 *
 * <p>Changing a column's type, nullability or comment restates the whole column with
 * {@code MODIFY COLUMN}, built from the schema before the operation; a default alone changes with
 * {@code ALTER COLUMN ... SET/DROP DEFAULT}. Unnamed unique constraints and foreign keys get
 * PostgreSQL's names ({@code <table>_<columns>_key}, {@code <table>_<columns>_fkey}) so a revision
 * that drops them by name runs on both. Unique indexes carry the comment {@value #UNIQUE_INDEX_MARKER}
 * because MySQL stores unique constraints and unique indexes alike; the inspector tells them apart
 * by it. Indexes, unique constraints and primary keys on TEXT, BLOB or JSON columns are refused:
 * MySQL needs a prefix length the model does not carry.
 */
public class MysqlDdlRenderer extends AbstractDdlRenderer {
    /** The index comment marking a unique index (as opposed to a unique constraint). */
    public static final String UNIQUE_INDEX_MARKER = "retort: unique index";
    /** Table options of every CREATE TABLE. */
    public static final String TABLE_OPTIONS = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";
    /** MySQL's limit for identifiers. */
    static final int MAX_NAME_LENGTH = 64;

    public MysqlDdlRenderer() {
        super(MysqlDialectProvider.NAME, "MySQL", SqlQuoting.MYSQL);
    }

    // ---------------------------------------------------------------- types, columns, defaults

    @Override
    protected String typeName(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INT";
            case BIGINT -> "BIGINT";
            case DECIMAL -> type.precision() == null ? "DECIMAL"
                    : "DECIMAL(" + type.precision() + "," + (type.scale() == null ? 0 : type.scale()) + ")";
            case REAL -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case CHAR -> sized("CHAR", type.length());
            case VARCHAR -> "VARCHAR(" + (type.length() == null ? MysqlTypes.DEFAULT_VARCHAR_LENGTH : type.length()) + ")";
            case TEXT -> "TEXT";
            case DATE -> "DATE";
            case TIME -> sized("TIME", type.precision());
            case TIMESTAMP -> sized("DATETIME", type.precision());
            case TIMESTAMP_TZ -> sized("TIMESTAMP", type.precision());
            case UUID -> "CHAR(36)";
            case JSON, JSONB -> "JSON";
            case BINARY -> type.length() == null ? "BLOB" : "BINARY(" + type.length() + ")";
            case BLOB -> "BLOB";
            case ENUM -> "ENUM(" + type.values().stream().map(this::literal).collect(Collectors.joining(", ")) + ")";
            case OTHER -> otherType(type);
        };
    }

    private static String sized(String name, Integer size) {
        return size == null ? name : name + "(" + size + ")";
    }

    /**
     * A MySQL type name passed through: words, digits, parentheses with arguments, and string
     * literals inside the parentheses ({@code set('a','b')}, {@code varchar(20) collate utf8mb4_bin}).
     */
    @Override
    protected String otherType(ColumnType type) {
        String raw = type.raw().strip();
        boolean ok = !raw.isEmpty() && (Character.isLetter(raw.charAt(0)) || raw.charAt(0) == '_');
        int depth = 0;
        for (int i = 0; i < raw.length() && ok; i++) {
            char c = raw.charAt(i);
            if (c == '\'' && depth > 0) {
                int j = i + 1;
                boolean closed = false;
                while (j < raw.length() && !closed) {
                    char d = raw.charAt(j);
                    if (d == '\\' || d == '\'' && j + 1 < raw.length() && raw.charAt(j + 1) == '\'') {
                        j += 2;
                    } else if (d == '\'') {
                        closed = true;
                    } else {
                        j++;
                    }
                }
                ok = closed;
                i = j;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                ok = --depth >= 0;
            } else if (c == ',') {
                ok = depth > 0;
            } else {
                ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == ' ');
            }
        }
        if (!ok || depth != 0) {
            throw new UnsupportedOperationForDialectException("Column type '" + raw + "' is neither a portable type nor a plain "
                    + "MySQL type name; write it as a type name such as mediumtext, int unsigned or set('a','b')");
        }
        return raw;
    }

    @Override
    protected boolean enumAsCheck() {
        return false;
    }

    @Override
    protected String autoincrementClause(Column column) {
        return " AUTO_INCREMENT";
    }

    @Override
    protected String inlineColumnComment(Column column) {
        return column.comment() == null ? "" : " COMMENT " + literal(column.comment());
    }

    /**
     * {@code name TYPE NULL|NOT NULL [DEFAULT ...] [AUTO_INCREMENT] [COMMENT '...']}. NULL is
     * written out: without it a TIMESTAMP column turns NOT NULL on servers that still run with
     * {@code explicit_defaults_for_timestamp=OFF}.
     */
    @Override
    protected String columnDefinition(Column column, boolean inPrimaryKey) {
        StringBuilder sb = new StringBuilder(quote(column.name())).append(' ').append(columnType(column.type()));
        sb.append(column.nullable() && !inPrimaryKey ? " NULL" : " NOT NULL");
        if (column.defaultValue() != null) {
            sb.append(" DEFAULT ").append(defaultSql(column.type(), column.defaultValue()));
        }
        if (column.autoincrement()) {
            sb.append(autoincrementClause(column));
        }
        sb.append(inlineColumnComment(column));
        return sb.toString();
    }

    /**
     * A default in the form both servers take: literals as they are, except on TEXT, BLOB and JSON
     * columns, where MySQL accepts only an expression, so {@code ('x')}; CURRENT_TIMESTAMP bare;
     * any other expression in parentheses (MySQL 8.0.13+ expression defaults).
     *
     * @param type the column's type, or null when unknown
     */
    String defaultSql(ColumnType type, String expression) {
        String canonical = type == null ? expression.strip() : MysqlSql.canonicalDefault(MysqlTypes.stored(type), expression);
        if (canonical == null) {
            return "NULL";
        }
        if (MysqlSql.isCurrentTimestamp(canonical)) {
            return canonical;
        }
        if (MysqlSql.isLiteral(canonical)) {
            return type != null && !MysqlTypes.indexable(type) ? "(" + canonical + ")" : canonical;
        }
        return canonical.startsWith("(") && canonical.endsWith(")") ? canonical : "(" + canonical + ")";
    }

    @Override
    protected String createTableSuffix(Table table) {
        return " " + TABLE_OPTIONS + (table.comment() == null ? "" : " COMMENT=" + literal(table.comment()));
    }

    /** MySQL has no NULL table comment: an empty one is none, and the inspector reads it back as none. */
    @Override
    protected List<String> tableCommentStatements(String table, String comment) {
        return List.of("ALTER TABLE " + quote(table) + " COMMENT = " + literal(comment == null ? "" : comment));
    }

    // ---------------------------------------------------------------- keys and indexes

    /** MySQL names every primary key PRIMARY and ignores a given name, so none is written. */
    @Override
    protected String primaryKeyElement(Table table) {
        PrimaryKey pk = table.primaryKey();
        return pk == null ? null : "PRIMARY KEY (" + quote(pk.columns()) + ")";
    }

    @Override
    protected List<String> tableElements(Table table) {
        List<String> pkColumns = table.primaryKey() == null ? List.of() : table.primaryKey().columns();
        List<String> elements = new ArrayList<>();
        for (Column c : table.columns()) {
            elements.add(columnDefinition(c, pkColumns.contains(c.name())));
        }
        String pk = primaryKeyElement(table);
        if (pk != null) {
            elements.add(pk);
        }
        table.uniqueConstraints().forEach(u -> elements.add(uniqueElement(table.name(), u)));
        table.foreignKeys().forEach(fk -> elements.add(foreignKeyElement(table.name(), fk)));
        table.checks().forEach(c -> elements.add(checkElement(c)));
        return elements;
    }

    private String uniqueElement(String table, UniqueConstraint unique) {
        String name = unique.name() != null ? unique.name() : generatedName(table, unique.columns(), "key");
        return "CONSTRAINT " + quote(name) + " UNIQUE (" + quote(unique.columns()) + ")";
    }

    private String foreignKeyElement(String table, ForeignKey fk) {
        String name = fk.name() != null ? fk.name() : generatedName(table, fk.columns(), "fkey");
        return foreignKeyElement(new ForeignKey(name, fk.columns(), fk.referencedTable(), fk.referencedColumns(), fk.onDelete(), fk.onUpdate()));
    }

    /**
     * PostgreSQL's name for an unnamed constraint, {@code <table>_<columns>_<suffix>}, cut to
     * MySQL's 64 characters with a hash of the full name when longer.
     */
    static String generatedName(String table, List<String> columns, String suffix) {
        String name = table + "_" + String.join("_", columns) + "_" + suffix;
        if (name.length() <= MAX_NAME_LENGTH) {
            return name;
        }
        int hash = 0;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash = 31 * hash + b;
        }
        return name.substring(0, MAX_NAME_LENGTH - 9) + "_" + String.format("%08x", hash);
    }

    @Override
    protected String createIndex(String table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON " + quote(table)
                + " (" + quote(index.columns()) + ")" + (index.unique() ? " COMMENT " + literal(UNIQUE_INDEX_MARKER) : "");
    }

    /**
     * @throws UnsupportedOperationForDialectException when a column of {@code columns} is TEXT,
     *         BLOB or JSON in {@code table} (unknown columns are left to the server)
     */
    private void requireIndexable(Operation op, Table table, String what, List<String> columns) {
        if (table == null) {
            return;
        }
        for (String name : columns) {
            Optional<Column> column = table.column(name);
            if (column.isPresent() && !MysqlTypes.indexable(column.get().type())) {
                throw unsupported(op, "MySQL cannot put " + what + " on " + column.get().type() + " column " + name
                        + " without a prefix length, which Retort's model does not carry; use varchar(n) for the column, "
                        + "or create the index with raw sql, e.g. CREATE INDEX `ix` ON `" + table.name() + "` (`" + name + "`(191))");
            }
        }
    }

    // ---------------------------------------------------------------- operations

    /**
     * @throws UnsupportedOperationForDialectException when a check of {@code table} uses a column
     *         that one of its foreign keys changes (ON UPDATE CASCADE or SET NULL, ON DELETE SET
     *         NULL): both servers refuse that, MariaDB with a puzzling message
     */
    private void requireChecksClearOfForeignKeyActions(Operation op, Table table) {
        for (ForeignKey fk : table.foreignKeys()) {
            String action = changes(fk.onUpdate()) ? "ON UPDATE " + fk.onUpdate().sql()
                    : fk.onDelete() == ReferentialAction.SET_NULL || fk.onDelete() == ReferentialAction.SET_DEFAULT ? "ON DELETE " + fk.onDelete().sql()
                    : null;
            if (action == null) {
                continue;
            }
            for (CheckConstraint check : table.checks()) {
                for (String column : fk.columns()) {
                    if (mentions(check.expression(), column)) {
                        throw unsupported(op, "MySQL refuses a check on column " + column + " of table " + table.name()
                                + " because foreign key " + (fk.name() == null ? "(" + String.join(", ", fk.columns()) + ")" : fk.name())
                                + " changes it (" + action + "); drop the check (" + check.expression() + ") or use another action");
                    }
                }
            }
        }
    }

    private static boolean changes(ReferentialAction action) {
        return action == ReferentialAction.CASCADE || action == ReferentialAction.SET_NULL || action == ReferentialAction.SET_DEFAULT;
    }

    private static boolean mentions(String expression, String column) {
        try {
            return MysqlSql.tokenize(expression).stream().anyMatch(t -> (t.kind() == MysqlSql.Kind.IDENT || t.kind() == MysqlSql.Kind.WORD)
                    && t.text().equalsIgnoreCase(column));
        } catch (MysqlSql.SyntaxException e) {
            return false;
        }
    }

    @Override
    public List<String> visitCreateTable(CreateTable op) {
        Table t = op.definition();
        requireChecksClearOfForeignKeyActions(op, t);
        if (t.primaryKey() != null) {
            requireIndexable(op, t, "a primary key", t.primaryKey().columns());
        }
        for (UniqueConstraint u : t.uniqueConstraints()) {
            requireIndexable(op, t, "a unique constraint", u.columns());
        }
        for (Index i : t.indexes()) {
            requireIndexable(op, t, "index " + i.name(), i.columns());
        }
        return super.visitCreateTable(op);
    }

    @Override
    public List<String> visitCreateIndex(CreateIndex op) {
        requireIndexable(op, tableBefore(op.table()).orElse(null), "index " + op.index().name(), op.index().columns());
        return super.visitCreateIndex(op);
    }

    @Override
    public List<String> visitDropIndex(DropIndex op) {
        return List.of("DROP INDEX " + quote(op.name()) + " ON " + quote(op.table()));
    }

    /**
     * Drops the column; indexes, unique constraints and a primary key that hold it together with
     * other columns are dropped first, as the model does (MariaDB refuses to drop a column from a
     * multi-column key; MySQL would shrink the key).
     */
    @Override
    public List<String> visitDropColumn(DropColumn op) {
        List<String> clauses = new ArrayList<>();
        Table t = tableBefore(op.table()).orElse(null);
        if (t != null) {
            if (t.primaryKey() != null && t.primaryKey().columns().size() > 1 && t.primaryKey().columns().contains(op.column())) {
                clauses.add("DROP PRIMARY KEY");
            }
            for (UniqueConstraint u : t.uniqueConstraints()) {
                if (u.name() != null && u.columns().size() > 1 && u.columns().contains(op.column())) {
                    clauses.add("DROP INDEX " + quote(u.name()));
                }
            }
            for (Index i : t.indexes()) {
                if (i.columns().size() > 1 && i.columns().contains(op.column())) {
                    clauses.add("DROP INDEX " + quote(i.name()));
                }
            }
        }
        clauses.add("DROP COLUMN " + quote(op.column()));
        return List.of(alterTable(op.table()) + String.join(", ", clauses));
    }

    /**
     * Only the default changing: {@code ALTER COLUMN ... SET DEFAULT} or {@code DROP DEFAULT}.
     * Anything else: {@code MODIFY COLUMN} with the whole column as it will be, from the schema
     * before the operation.
     *
     * @throws UnsupportedOperationForDialectException when that schema does not know the table or
     *         the column
     */
    @Override
    public List<String> visitAlterColumn(AlterColumn op) {
        Optional<Table> table = tableBefore(op.table());
        Optional<Column> known = table.flatMap(t -> t.column(op.column()));
        if (op.type() == null && op.nullable() == null && op.comment() == null) {
            String prefix = alterTable(op.table()) + "ALTER COLUMN " + quote(op.column()) + " ";
            String value = op.defaultValue().value();
            return List.of(prefix + (value == null ? "DROP DEFAULT" : "SET DEFAULT " + defaultSql(known.map(Column::type).orElse(null), value)));
        }
        if (table.isEmpty()) {
            throw unsupported(op, "MySQL changes a column's type, nullability or comment by restating the whole column (MODIFY COLUMN), "
                    + "but table " + op.table() + " is unknown at this point (a raw sql operation probably created or changed it); "
                    + "alter the column with raw sql too, or create the table with create_table");
        }
        if (known.isEmpty()) {
            throw unsupported(op, "MySQL changes a column's type, nullability or comment by restating the whole column (MODIFY COLUMN), "
                    + "but column " + op.column() + " of table " + op.table() + " is unknown at this point (a raw sql operation "
                    + "probably added or changed it); alter the column with raw sql too, or add it with add_column");
        }
        Column c = known.get();
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
        PrimaryKey pk = table.get().primaryKey();
        boolean inPrimaryKey = pk != null && pk.columns().contains(c.name());
        return List.of(alterTable(op.table()) + "MODIFY COLUMN " + columnDefinition(c, inPrimaryKey));
    }

    @Override
    public List<String> visitAddPrimaryKey(AddPrimaryKey op) {
        requireIndexable(op, tableBefore(op.table()).orElse(null), "a primary key", op.primaryKey().columns());
        return List.of(alterTable(op.table()) + "ADD PRIMARY KEY (" + quote(op.primaryKey().columns()) + ")");
    }

    @Override
    public List<String> visitAddUniqueConstraint(AddUniqueConstraint op) {
        requireIndexable(op, tableBefore(op.table()).orElse(null), "a unique constraint", op.constraint().columns());
        return List.of(alterTable(op.table()) + "ADD " + uniqueElement(op.table(), op.constraint()));
    }

    @Override
    public List<String> visitAddForeignKey(AddForeignKey op) {
        tableBefore(op.table()).ifPresent(t -> requireChecksClearOfForeignKeyActions(op, t.withForeignKeys(List.of(op.foreignKey()))));
        return List.of(alterTable(op.table()) + "ADD " + foreignKeyElement(op.table(), op.foreignKey()));
    }

    @Override
    public List<String> visitAddCheckConstraint(AddCheckConstraint op) {
        tableBefore(op.table()).ifPresent(t -> requireChecksClearOfForeignKeyActions(op, t.withChecks(List.of(op.check()))));
        return super.visitAddCheckConstraint(op);
    }

    /**
     * Primary key, unique constraint and check as MySQL spells them. A foreign key also takes
     * the index MySQL made for it when no other index served (named like the key; MySQL leaves
     * it behind otherwise), unless the model declares an index of that name. Whether that index
     * exists is only known to the server, so the statement is prepared there.
     */
    @Override
    public List<String> visitDropConstraint(DropConstraint op) {
        return switch (op.type()) {
            case PRIMARY_KEY -> List.of(alterTable(op.table()) + "DROP PRIMARY KEY");
            case UNIQUE -> List.of(alterTable(op.table()) + "DROP INDEX " + quote(op.name()));
            case CHECK -> List.of(alterTable(op.table()) + "DROP CONSTRAINT " + quote(op.name()));
            case FOREIGN_KEY -> {
                List<String> out = new ArrayList<>();
                out.add(alterTable(op.table()) + "DROP FOREIGN KEY " + quote(op.name()));
                boolean declared = tableBefore(op.table()).flatMap(t -> t.index(op.name())).isPresent();
                if (!declared) {
                    out.addAll(dropIndexIfExists(op.table(), op.name()));
                }
                yield out;
            }
        };
    }

    private List<String> dropIndexIfExists(String table, String index) {
        String drop = alterTable(table) + "DROP INDEX " + quote(index);
        return List.of("SET @retort_ddl = IF(EXISTS(SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = " + literal(table) + " AND INDEX_NAME = " + literal(index) + "), " + literal(drop) + ", 'DO 0')",
                "PREPARE retort_ddl FROM @retort_ddl",
                "EXECUTE retort_ddl",
                "DEALLOCATE PREPARE retort_ddl");
    }
}
