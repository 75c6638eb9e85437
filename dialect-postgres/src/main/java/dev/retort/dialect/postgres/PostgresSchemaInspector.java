package dev.retort.dialect.postgres;

import dev.retort.core.application.port.out.SchemaInspector;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.dialect.jdbc.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First cut: tables of the current schema with their columns (type, nullability, default,
 * identity, comment), table comments and primary keys, in two catalog queries. Indexes, unique
 * constraints, foreign keys and checks are not read yet (full inspection arrives with issue 4).
 */
public class PostgresSchemaInspector implements SchemaInspector {
    private static final String COLUMNS = "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_get_expr(d.adbin, d.adrelid), a.attidentity, col_description(c.oid, a.attnum), obj_description(c.oid, 'pg_class')"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
            + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> ?"
            + " ORDER BY c.relname, a.attnum";
    private static final String PRIMARY_KEYS = "SELECT c.relname, con.conname, a.attname FROM pg_constraint con"
            + " JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum"
            + " WHERE con.contype = 'p' AND n.nspname = current_schema() AND c.relname <> ? ORDER BY c.relname, k.ord";
    private static final Pattern DATETIME = Pattern.compile("(timestamp|time)(\\(\\d+\\))? with(out)? time zone");
    private static final Pattern CAST_LITERAL = Pattern.compile("'((?:[^']|'')*)'::[a-z ]+(\\([0-9, ]+\\))?");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final Connection connection;
    private final String versionTable;

    public PostgresSchemaInspector(Connection connection, String versionTable) {
        this.connection = connection;
        this.versionTable = versionTable;
    }

    private static final class TableData {
        final List<Column> columns = new ArrayList<>();
        String comment;
        String pkName;
        final List<String> pk = new ArrayList<>();
    }

    @Override
    public Schema inspect() {
        Map<String, TableData> tables = new LinkedHashMap<>();
        try {
            try (PreparedStatement ps = connection.prepareStatement(COLUMNS)) {
                ps.setString(1, versionTable);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        TableData t = tables.computeIfAbsent(rs.getString(1), k -> new TableData());
                        String identity = rs.getString(6);
                        String rawDefault = rs.getString(5);
                        boolean serial = rawDefault != null && rawDefault.startsWith("nextval(");
                        boolean autoincrement = serial || (identity != null && !identity.isEmpty());
                        ColumnType type = parseType(rs.getString(3));
                        t.columns.add(new Column(rs.getString(2), type, !rs.getBoolean(4), serial ? null : normalizeDefault(rawDefault, type),
                                autoincrement, rs.getString(7)));
                        t.comment = rs.getString(8);
                    }
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(PRIMARY_KEYS)) {
                ps.setString(1, versionTable);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        TableData t = tables.get(rs.getString(1));
                        if (t != null) {
                            t.pkName = rs.getString(2);
                            t.pk.add(rs.getString(3));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the PostgreSQL catalog: " + SqlErrors.describe(e, null), e);
        }
        List<Table> out = new ArrayList<>();
        tables.forEach((name, t) -> out.add(new Table(name, t.columns, t.pk.isEmpty() ? null : new PrimaryKey(t.pkName, t.pk),
                List.of(), List.of(), List.of(), List.of(), t.comment)));
        return new Schema(out);
    }

    /** The portable type for {@code format_type} output, e.g. {@code timestamp(3) without time zone} is {@code timestamp(3)}. */
    static ColumnType parseType(String formatted) {
        String t = formatted;
        Matcher m = DATETIME.matcher(t);
        if (m.matches()) {
            boolean withZone = m.group(3) == null;
            if (withZone && m.group(1).equals("time")) {
                return new ColumnType(ColumnType.Kind.OTHER, null, null, null, List.of(), formatted);
            }
            t = (withZone ? "timestamptz" : m.group(1)) + (m.group(2) == null ? "" : m.group(2));
        }
        try {
            return ColumnType.parse(t);
        } catch (IllegalArgumentException e) {
            return new ColumnType(ColumnType.Kind.OTHER, null, null, null, List.of(), formatted);
        }
    }

    /** Drops the cast PostgreSQL adds to literal defaults: {@code 'x'::character varying} is {@code 'x'}, {@code '-1'::integer} is {@code -1}. */
    static String normalizeDefault(String expression, ColumnType type) {
        if (expression == null) {
            return null;
        }
        Matcher m = CAST_LITERAL.matcher(expression);
        if (!m.matches()) {
            return expression;
        }
        String value = m.group(1);
        boolean numeric = switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> true;
            default -> false;
        };
        return numeric && NUMBER.matcher(value).matches() ? value : "'" + value + "'";
    }
}
