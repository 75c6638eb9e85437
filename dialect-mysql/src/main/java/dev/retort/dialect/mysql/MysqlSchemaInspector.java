package dev.retort.dialect.mysql;

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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First cut, from {@code information_schema} of the current database: tables with their columns
 * (type, nullability, default as the server reports it, auto-increment, comment), table comments
 * and primary keys, in two queries. Indexes, unique constraints, foreign keys and checks are not
 * read yet (full inspection arrives with issue 4).
 */
public class MysqlSchemaInspector implements SchemaInspector {
    private static final String COLUMNS = "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.EXTRA,"
            + " c.COLUMN_COMMENT, t.TABLE_COMMENT FROM information_schema.COLUMNS c JOIN information_schema.TABLES t"
            + " ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME"
            + " WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE' AND c.TABLE_NAME <> ?"
            + " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION";
    private static final String PRIMARY_KEYS = "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE"
            + " WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_NAME = 'PRIMARY' AND TABLE_NAME <> ? ORDER BY TABLE_NAME, ORDINAL_POSITION";
    private static final Pattern INT_WIDTH = Pattern.compile("(tinyint|smallint|mediumint|int|bigint)\\(\\d+\\)(.*)");

    private final Connection connection;
    private final String versionTable;

    public MysqlSchemaInspector(Connection connection, String versionTable) {
        this.connection = connection;
        this.versionTable = versionTable;
    }

    private static final class TableData {
        final List<Column> columns = new ArrayList<>();
        final List<String> pk = new ArrayList<>();
        String comment;
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
                        String dflt = rs.getString(5);
                        // MariaDB reports "no default" on a nullable column as the text NULL.
                        if ("NULL".equals(dflt)) {
                            dflt = null;
                        }
                        String extra = rs.getString(6) == null ? "" : rs.getString(6).toLowerCase(Locale.ROOT);
                        t.columns.add(new Column(rs.getString(2), parseType(rs.getString(3)), "YES".equals(rs.getString(4)), dflt,
                                extra.contains("auto_increment"), emptyToNull(rs.getString(7))));
                        t.comment = emptyToNull(rs.getString(8));
                    }
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(PRIMARY_KEYS)) {
                ps.setString(1, versionTable);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        TableData t = tables.get(rs.getString(1));
                        if (t != null) {
                            t.pk.add(rs.getString(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the MySQL catalog: " + SqlErrors.describe(e, null), e);
        }
        List<Table> out = new ArrayList<>();
        tables.forEach((name, t) -> out.add(new Table(name, t.columns, t.pk.isEmpty() ? null : new PrimaryKey(null, t.pk),
                List.of(), List.of(), List.of(), List.of(), t.comment)));
        return new Schema(out);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The portable type for a {@code COLUMN_TYPE}: display widths dropped, {@code tinyint(1)} is boolean, {@code datetime} is timestamp, {@code timestamp} is timestamptz. */
    static ColumnType parseType(String columnType) {
        String t = columnType.toLowerCase(Locale.ROOT).strip();
        if (t.equals("tinyint(1)")) {
            return ColumnType.of(ColumnType.Kind.BOOLEAN);
        }
        Matcher m = INT_WIDTH.matcher(t);
        if (m.matches()) {
            t = m.group(1) + m.group(2);
        }
        if (t.startsWith("timestamp")) {
            t = "timestamptz" + t.substring("timestamp".length());
        }
        try {
            return ColumnType.parse(t.startsWith("enum(") ? columnType.strip() : t);
        } catch (IllegalArgumentException e) {
            return new ColumnType(ColumnType.Kind.OTHER, null, null, null, List.of(), columnType.strip());
        }
    }
}
