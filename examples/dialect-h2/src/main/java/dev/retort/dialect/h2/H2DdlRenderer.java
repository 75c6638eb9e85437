package dev.retort.dialect.h2;

import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.dialect.jdbc.AbstractDdlRenderer;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * H2's DDL: the shared standard-SQL renderer with H2's type names, native {@code ENUM} columns,
 * {@code COMMENT ON} statements, and {@code SET DATA TYPE} for type changes (H2 reads
 * {@code ALTER COLUMN c <type>} as a whole new column definition, losing NOT NULL and the default).
 * Everything else (CREATE TABLE, identity columns, constraints, indexes, renames, raw SQL) is the
 * base class's. Stateless and thread-safe.
 */
final class H2DdlRenderer extends AbstractDdlRenderer {

    H2DdlRenderer() {
        super(H2DialectProvider.NAME, "H2", SqlQuoting.ANSI);
    }

    @Override
    protected String typeName(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DECIMAL -> type.precision() == null ? "NUMERIC" : "NUMERIC(" + type.precision() + "," + (type.scale() == null ? 0 : type.scale()) + ")";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case CHAR -> type.length() == null ? "CHAR" : "CHAR(" + type.length() + ")";
            case VARCHAR -> type.length() == null ? "VARCHAR" : "VARCHAR(" + type.length() + ")";
            // H2's TEXT is VARCHAR; CLOB keeps text and varchar apart when read back.
            case TEXT -> "CLOB";
            case DATE -> "DATE";
            case TIME -> type.precision() == null ? "TIME" : "TIME(" + type.precision() + ")";
            case TIMESTAMP -> type.precision() == null ? "TIMESTAMP" : "TIMESTAMP(" + type.precision() + ")";
            case TIMESTAMP_TZ -> (type.precision() == null ? "TIMESTAMP" : "TIMESTAMP(" + type.precision() + ")") + " WITH TIME ZONE";
            case UUID -> "UUID";
            case JSON, JSONB -> "JSON";
            case BINARY -> type.length() == null ? "BLOB" : "BINARY(" + type.length() + ")";
            case BLOB -> "BLOB";
            case ENUM -> "ENUM(" + type.values().stream().map(this::literal).collect(Collectors.joining(", ")) + ")";
            case OTHER -> otherType(type);
        };
    }

    /** H2 has a native ENUM type. */
    @Override
    protected boolean enumAsCheck() {
        return false;
    }

    /** Comments as standard SQL's {@code COMMENT ON} statements. */
    @Override
    protected boolean commentOn() {
        return true;
    }

    @Override
    public List<String> visitAlterColumn(AlterColumn op) {
        String prefix = alterTable(op.table()) + "ALTER COLUMN " + quote(op.column()) + " ";
        List<String> out = new ArrayList<>();
        if (op.type() != null) {
            out.add(prefix + "SET DATA TYPE " + typeName(op.type()));
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
}
