package dev.retort.dialect.jdbc;

import dev.retort.core.application.port.out.DdlRenderer;
import dev.retort.core.domain.UnsupportedOperationForDialectException;
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
import dev.retort.core.domain.operation.DropTable;
import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.OperationVisitor;
import dev.retort.core.domain.operation.RenameColumn;
import dev.retort.core.domain.operation.RenameTable;
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
import java.util.List;
import java.util.stream.Collectors;

/**
 * A {@link DdlRenderer} producing standard SQL DDL (the forms PostgreSQL follows), with hooks a
 * dialect overrides where its syntax differs: {@link #typeName} for types,
 * {@link #autoincrementClause}, {@link #defaultClause}, {@link #primaryKeyElement},
 * {@link #columnDefinition}, comments, and any {@code visit...} method. Identifiers always go
 * through {@link SqlQuoting}; user text reaches SQL unchanged only as raw SQL, default expressions
 * and check expressions, which are SQL by definition. Stateless and thread-safe.
 */
public abstract class AbstractDdlRenderer implements DdlRenderer, OperationVisitor<List<String>> {
    private final String dialectName;
    private final String productName;
    private final SqlQuoting quoting;

    /**
     * @param dialectName the name raw SQL is keyed by ({@code sqlite}, {@code postgres}, {@code mysql})
     * @param productName the database's name for messages ({@code SQLite})
     */
    protected AbstractDdlRenderer(String dialectName, String productName, SqlQuoting quoting) {
        this.dialectName = dialectName;
        this.productName = productName;
        this.quoting = quoting;
    }

    private final ThreadLocal<Schema> before = ThreadLocal.withInitial(() -> Schema.EMPTY);

    @Override
    public final List<String> render(Operation operation, Schema schemaBefore) {
        before.set(schemaBefore == null ? Schema.EMPTY : schemaBefore);
        try {
            return List.copyOf(operation.accept(this));
        } finally {
            before.remove();
        }
    }

    /** The schema model just before the operation being rendered (see {@link DdlRenderer#render(Operation, Schema)}). */
    protected final Schema schemaBefore() {
        return before.get();
    }

    /** The table as it is before the operation being rendered, if the model knows it. */
    protected final java.util.Optional<Table> tableBefore(String name) {
        return before.get().table(name);
    }

    public SqlQuoting quoting() {
        return quoting;
    }

    protected final String productName() {
        return productName;
    }

    protected final String quote(String identifier) {
        return quoting.identifier(identifier);
    }

    protected final String quote(List<String> identifiers) {
        return quoting.identifiers(identifiers);
    }

    protected final String literal(String text) {
        return quoting.literal(text);
    }

    // ---------------------------------------------------------------- hooks

    /**
     * The native type for a portable type. {@link ColumnType.Kind#OTHER} types arrive here too;
     * pass them to {@link #otherType}. An {@link ColumnType.Kind#ENUM} is rendered with the type
     * returned here plus a CHECK unless {@link #enumAsCheck()} is false.
     */
    protected abstract String typeName(ColumnType type);

    /** Whether enums are a text column with {@code CHECK (col IN (...))} rather than a native type. */
    protected boolean enumAsCheck() {
        return true;
    }

    /**
     * A non-portable type name, passed through after checking it is a type name and nothing more
     * (words, digits, parentheses holding arguments, {@code []}).
     *
     * @throws UnsupportedOperationForDialectException when the text is not a plain type name
     */
    protected String otherType(ColumnType type) {
        String raw = type.raw().strip();
        int depth = 0;
        boolean ok = Character.isLetter(raw.charAt(0)) || raw.charAt(0) == '_';
        for (int i = 0; i < raw.length() && ok; i++) {
            char c = raw.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                ok = --depth >= 0;
            } else if (c == ',') {
                ok = depth > 0;
            } else {
                ok = Character.isLetterOrDigit(c) || c == '_' || c == ' ' || c == '[' || c == ']' || c == '.';
            }
        }
        if (!ok || depth != 0) {
            throw new UnsupportedOperationForDialectException("Column type '" + raw + "' is neither a portable type nor a plain "
                    + productName + " type name; write it as a type name such as citext or geometry(Point,4326)");
        }
        return raw;
    }

    /** The text after the type of an autoincrement column (standard SQL: an identity column). */
    protected String autoincrementClause(Column column) {
        return " GENERATED BY DEFAULT AS IDENTITY";
    }

    /** @param expression a SQL expression from the model, passed through unchanged */
    protected String defaultClause(String expression) {
        return " DEFAULT " + expression;
    }

    /** Text appended to a column definition for its comment; standard SQL has none inline. */
    protected String inlineColumnComment(Column column) {
        return "";
    }

    /** Text appended after the closing parenthesis of CREATE TABLE, e.g. MySQL's table options. */
    protected String createTableSuffix(Table table) {
        return "";
    }

    /**
     * Whether the database takes standard SQL's {@code COMMENT ON TABLE/COLUMN ... IS ...}
     * (PostgreSQL, H2, Oracle, DB2); the comment hooks below then render it. False by default:
     * no comments, or a dialect's own hooks (MySQL's inline {@code COMMENT}).
     */
    protected boolean commentOn() {
        return false;
    }

    /** Statements setting a table's and its columns' comments after CREATE TABLE; none unless {@link #commentOn()}. */
    protected List<String> commentStatements(Table table) {
        List<String> out = new ArrayList<>();
        if (!commentOn()) {
            return out;
        }
        if (table.comment() != null) {
            out.addAll(tableCommentStatements(table.name(), table.comment()));
        }
        for (Column c : table.columns()) {
            if (c.comment() != null) {
                out.addAll(columnCommentStatements(table.name(), c.name(), c.comment()));
            }
        }
        return out;
    }

    /**
     * Statements setting or removing ({@code comment == null}) a table's comment: {@code COMMENT ON}
     * when {@link #commentOn()}, else none, so dialects without comments ignore them.
     */
    protected List<String> tableCommentStatements(String table, String comment) {
        return commentOn() ? List.of("COMMENT ON TABLE " + quote(table) + " IS " + (comment == null ? "NULL" : literal(comment))) : List.of();
    }

    /**
     * Statements setting or removing ({@code comment == null}) one column's comment:
     * {@code COMMENT ON} when {@link #commentOn()}, else none, so dialects without comments ignore them.
     */
    protected List<String> columnCommentStatements(String table, String column, String comment) {
        return commentOn()
                ? List.of("COMMENT ON COLUMN " + quote(table) + "." + quote(column) + " IS " + (comment == null ? "NULL" : literal(comment)))
                : List.of();
    }

    /**
     * One column as in CREATE TABLE and ADD COLUMN: name, type, autoincrement, NOT NULL (always for
     * primary key columns), default, enum check and inline comment.
     */
    protected String columnDefinition(Column column, boolean inPrimaryKey) {
        StringBuilder sb = new StringBuilder(quote(column.name())).append(' ').append(columnType(column.type()));
        if (column.autoincrement()) {
            sb.append(autoincrementClause(column));
        }
        if (!column.nullable() || inPrimaryKey) {
            sb.append(" NOT NULL");
        }
        if (column.defaultValue() != null) {
            sb.append(defaultClause(column.defaultValue()));
        }
        sb.append(enumCheck(column));
        sb.append(inlineColumnComment(column));
        return sb.toString();
    }

    /** The type of a column; an enum rendered as a check becomes {@code typeName(text)}. */
    protected String columnType(ColumnType type) {
        if (type.kind() == ColumnType.Kind.ENUM && enumAsCheck()) {
            return typeName(ColumnType.of(ColumnType.Kind.TEXT));
        }
        return typeName(type);
    }

    /** {@code CHECK (col IN ('a', 'b'))} for an enum rendered as a check, else empty. */
    protected String enumCheck(Column column) {
        if (column.type().kind() != ColumnType.Kind.ENUM || !enumAsCheck()) {
            return "";
        }
        return " CHECK (" + quote(column.name()) + " IN (" + column.type().values().stream().map(this::literal)
                .collect(Collectors.joining(", ")) + "))";
    }

    /** The table-level primary key, or null when the columns carry it inline. */
    protected String primaryKeyElement(Table table) {
        PrimaryKey pk = table.primaryKey();
        return pk == null ? null : constraintName(pk.name()) + "PRIMARY KEY (" + quote(pk.columns()) + ")";
    }

    /** {@code CONSTRAINT "name" } or empty when the database names the constraint. */
    protected String constraintName(String name) {
        return name == null ? "" : "CONSTRAINT " + quote(name) + " ";
    }

    protected String uniqueElement(UniqueConstraint unique) {
        return constraintName(unique.name()) + "UNIQUE (" + quote(unique.columns()) + ")";
    }

    protected String foreignKeyElement(ForeignKey fk) {
        StringBuilder sb = new StringBuilder(constraintName(fk.name())).append("FOREIGN KEY (").append(quote(fk.columns()))
                .append(") REFERENCES ").append(quote(fk.referencedTable())).append(" (").append(quote(fk.referencedColumns())).append(')');
        if (fk.onDelete() != ReferentialAction.NO_ACTION) {
            sb.append(" ON DELETE ").append(fk.onDelete().sql());
        }
        if (fk.onUpdate() != ReferentialAction.NO_ACTION) {
            sb.append(" ON UPDATE ").append(fk.onUpdate().sql());
        }
        return sb.toString();
    }

    /** @param check its expression is SQL from the model, passed through unchanged */
    protected String checkElement(CheckConstraint check) {
        return constraintName(check.name()) + "CHECK (" + check.expression() + ")";
    }

    /** Columns, then primary key, unique constraints, foreign keys and checks, one per entry. */
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
        table.uniqueConstraints().forEach(u -> elements.add(uniqueElement(u)));
        table.foreignKeys().forEach(fk -> elements.add(foreignKeyElement(fk)));
        table.checks().forEach(c -> elements.add(checkElement(c)));
        return elements;
    }

    protected String createIndex(String table, Index index) {
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON " + quote(table)
                + " (" + quote(index.columns()) + ")";
    }

    protected String alterTable(String table) {
        return "ALTER TABLE " + quote(table) + " ";
    }

    /**
     * @param why what the dialect lacks and what to do, e.g. "SQLite cannot do this in place; ..."
     * @return the exception to throw for an operation this dialect cannot render
     */
    protected UnsupportedOperationForDialectException unsupported(Operation op, String why) {
        String what = op.describe().replaceFirst("^[-+~!] ", "");
        String table = op.table() == null ? "" : " (table " + op.table() + ")";
        return new UnsupportedOperationForDialectException("Cannot " + what + table + ": " + why);
    }

    // ---------------------------------------------------------------- operations

    @Override
    public List<String> visitCreateTable(CreateTable op) {
        Table t = op.definition();
        List<String> out = new ArrayList<>();
        out.add("CREATE TABLE " + quote(t.name()) + " (\n    " + String.join(",\n    ", tableElements(t)) + "\n)" + createTableSuffix(t));
        for (Index i : t.indexes()) {
            out.add(createIndex(t.name(), i));
        }
        out.addAll(commentStatements(t));
        return out;
    }

    @Override
    public List<String> visitDropTable(DropTable op) {
        return List.of("DROP TABLE " + quote(op.table()));
    }

    @Override
    public List<String> visitRenameTable(RenameTable op) {
        return List.of(alterTable(op.table()) + "RENAME TO " + quote(op.newName()));
    }

    @Override
    public List<String> visitAddColumn(AddColumn op) {
        List<String> out = new ArrayList<>();
        out.add(alterTable(op.table()) + "ADD COLUMN " + columnDefinition(op.column(), false));
        if (op.column().comment() != null) {
            out.addAll(columnCommentStatements(op.table(), op.column().name(), op.column().comment()));
        }
        return out;
    }

    @Override
    public List<String> visitDropColumn(DropColumn op) {
        return List.of(alterTable(op.table()) + "DROP COLUMN " + quote(op.column()));
    }

    @Override
    public List<String> visitAlterColumn(AlterColumn op) {
        String prefix = alterTable(op.table()) + "ALTER COLUMN " + quote(op.column()) + " ";
        List<String> out = new ArrayList<>();
        if (op.type() != null) {
            if (op.type().kind() == ColumnType.Kind.ENUM && enumAsCheck()) {
                throw unsupported(op, "changing a column to an enum is not supported on " + productName
                        + " yet; add a check constraint with add_check_constraint instead");
            }
            out.add(prefix + "TYPE " + typeName(op.type()));
        }
        if (op.nullable() != null) {
            out.add(prefix + (op.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (op.defaultValue() != null) {
            out.add(prefix + (op.defaultValue().value() == null ? "DROP DEFAULT" : "SET" + defaultClause(op.defaultValue().value())));
        }
        if (op.comment() != null) {
            out.addAll(columnCommentStatements(op.table(), op.column(), op.comment().value()));
        }
        return out;
    }

    @Override
    public List<String> visitAlterTable(AlterTable op) {
        return tableCommentStatements(op.table(), op.comment().value());
    }

    @Override
    public List<String> visitRenameColumn(RenameColumn op) {
        return List.of(alterTable(op.table()) + "RENAME COLUMN " + quote(op.column()) + " TO " + quote(op.newName()));
    }

    @Override
    public List<String> visitCreateIndex(CreateIndex op) {
        return List.of(createIndex(op.table(), op.index()));
    }

    @Override
    public List<String> visitDropIndex(DropIndex op) {
        return List.of("DROP INDEX " + quote(op.name()));
    }

    @Override
    public List<String> visitAddPrimaryKey(AddPrimaryKey op) {
        PrimaryKey pk = op.primaryKey();
        return List.of(alterTable(op.table()) + "ADD " + constraintName(pk.name()) + "PRIMARY KEY (" + quote(pk.columns()) + ")");
    }

    @Override
    public List<String> visitAddUniqueConstraint(AddUniqueConstraint op) {
        return List.of(alterTable(op.table()) + "ADD " + uniqueElement(op.constraint()));
    }

    @Override
    public List<String> visitAddForeignKey(AddForeignKey op) {
        return List.of(alterTable(op.table()) + "ADD " + foreignKeyElement(op.foreignKey()));
    }

    @Override
    public List<String> visitAddCheckConstraint(AddCheckConstraint op) {
        return List.of(alterTable(op.table()) + "ADD " + checkElement(op.check()));
    }

    @Override
    public List<String> visitDropConstraint(DropConstraint op) {
        return List.of(alterTable(op.table()) + "DROP CONSTRAINT " + quote(op.name()));
    }

    /** This dialect's text, split into statements; nothing when the operation has none for it. */
    @Override
    public List<String> visitExecuteSql(ExecuteSql op) {
        return op.sqlFor(dialectName).map(sql -> SqlScriptSplitter.split(sql, quoting.backslashEscapes())).orElse(List.of());
    }
}
