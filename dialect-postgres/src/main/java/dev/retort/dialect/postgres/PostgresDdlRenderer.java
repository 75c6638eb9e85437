package dev.retort.dialect.postgres;

import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.Table;
import dev.retort.dialect.jdbc.AbstractDdlRenderer;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL DDL: the standard forms of {@link AbstractDdlRenderer}, identity columns for
 * autoincrement, {@code COMMENT ON} for comments. Types:
 *
 * <pre>
 * smallint integer bigint  SMALLINT INTEGER BIGINT
 * decimal(p,s)             NUMERIC(p,s)
 * real double              REAL DOUBLE PRECISION
 * boolean                  BOOLEAN
 * char(n) varchar(n) text  CHAR(n) VARCHAR(n) TEXT (varchar without length: unbounded VARCHAR)
 * date time(p)             DATE TIME(p)
 * timestamp(p)             TIMESTAMP(p)
 * timestamptz(p)           TIMESTAMPTZ(p)
 * uuid json jsonb          UUID JSON JSONB
 * binary(n) blob           BYTEA (PostgreSQL has no fixed-length binary)
 * enum('a','b')            TEXT CHECK (col IN ('a', 'b')) until native enum types arrive
 * </pre>
 */
public class PostgresDdlRenderer extends AbstractDdlRenderer {

    public PostgresDdlRenderer() {
        super(PostgresDialectProvider.NAME, "PostgreSQL", SqlQuoting.ANSI);
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
            case DOUBLE -> "DOUBLE PRECISION";
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
            case BINARY, BLOB -> "BYTEA";
            case OTHER -> otherType(type);
        };
    }

    private static String sized(String name, Integer size) {
        return size == null ? name : name + "(" + size + ")";
    }

    @Override
    protected List<String> commentStatements(Table table) {
        List<String> out = new ArrayList<>();
        if (table.comment() != null) {
            out.add("COMMENT ON TABLE " + quote(table.name()) + " IS " + literal(table.comment()));
        }
        for (Column c : table.columns()) {
            if (c.comment() != null) {
                out.addAll(columnCommentStatements(table.name(), c.name(), c.comment()));
            }
        }
        return out;
    }

    @Override
    protected List<String> columnCommentStatements(String table, String column, String comment) {
        return List.of("COMMENT ON COLUMN " + quote(table) + "." + quote(column) + " IS " + (comment == null ? "NULL" : literal(comment)));
    }
}
