package dev.retort.dialect.mysql;

import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.DropIndex;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.Table;
import dev.retort.dialect.jdbc.AbstractDdlRenderer;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.util.List;
import java.util.stream.Collectors;

/**
 * MySQL 8 and MariaDB 10.11+ DDL: backtick quoting, AUTO_INCREMENT, native ENUM, inline comments.
 * Types:
 *
 * <pre>
 * smallint integer bigint  SMALLINT INT BIGINT
 * decimal(p,s)             DECIMAL(p,s)
 * real double              FLOAT DOUBLE
 * boolean                  BOOLEAN (TINYINT(1))
 * char(n) varchar(n) text  CHAR(n) VARCHAR(n) TEXT (varchar without length: VARCHAR(255), MySQL needs one)
 * date time(p)             DATE TIME(p)
 * timestamp(p)             DATETIME(p) (TIMESTAMP would end in 2038 and convert time zones)
 * timestamptz(p)           TIMESTAMP(p) (stored as UTC, shown in the session time zone)
 * uuid                     CHAR(36)
 * json jsonb               JSON
 * binary(n) blob           BINARY(n) BLOB (binary without length: BLOB)
 * enum('a','b')            ENUM('a','b')
 * </pre>
 *
 * Changing a column's type, nullability or comment needs MySQL's full column definition
 * (MODIFY COLUMN), which an alter_column does not carry yet; only defaults change in place.
 */
public class MysqlDdlRenderer extends AbstractDdlRenderer {

    public MysqlDdlRenderer() {
        super(MysqlDialectProvider.NAME, "MySQL", SqlQuoting.MYSQL);
    }

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
            case VARCHAR -> "VARCHAR(" + (type.length() == null ? 255 : type.length()) + ")";
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

    @Override
    protected String createTableSuffix(Table table) {
        return table.comment() == null ? "" : " COMMENT=" + literal(table.comment());
    }

    @Override
    public List<String> visitDropIndex(DropIndex op) {
        return List.of("DROP INDEX " + quote(op.name()) + " ON " + quote(op.table()));
    }

    @Override
    public List<String> visitDropConstraint(DropConstraint op) {
        String drop = switch (op.type()) {
            case PRIMARY_KEY -> "DROP PRIMARY KEY";
            case UNIQUE -> "DROP INDEX " + quote(op.name());
            case FOREIGN_KEY -> "DROP FOREIGN KEY " + quote(op.name());
            case CHECK -> "DROP CONSTRAINT " + quote(op.name());
        };
        return List.of(alterTable(op.table()) + drop);
    }

    @Override
    public List<String> visitAlterColumn(AlterColumn op) {
        if (op.type() != null || op.nullable() != null || op.comment() != null) {
            throw unsupported(op, "MySQL changes a column's type, nullability or comment only with its full definition (MODIFY COLUMN), "
                    + "which arrives with issue 4; use raw sql for now");
        }
        String prefix = alterTable(op.table()) + "ALTER COLUMN " + quote(op.column()) + " ";
        return List.of(prefix + (op.defaultValue().value() == null ? "DROP DEFAULT" : "SET" + defaultClause(op.defaultValue().value())));
    }
}
