package dev.retort.dialect.h2;

import dev.retort.core.application.port.out.SchemaInspector;
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
import dev.retort.dialect.jdbc.JdbcDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the current schema from H2's {@code INFORMATION_SCHEMA} in four queries, however many
 * tables there are: tables with columns, enum values, constraints (with their key columns,
 * referential rules and check clauses), and indexes H2 did not make itself for a constraint.
 * Retort's version and history tables are left out. Values come back as H2 prints them; the
 * {@link H2SchemaNormalizer} gives them the spelling the model is compared in.
 */
final class H2SchemaInspector implements SchemaInspector {
    private static final String COLUMNS = "SELECT t.TABLE_NAME, t.REMARKS, c.COLUMN_NAME, c.DATA_TYPE, c.CHARACTER_MAXIMUM_LENGTH,"
            + " c.NUMERIC_PRECISION, c.NUMERIC_SCALE, c.DATETIME_PRECISION, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.IS_IDENTITY, c.REMARKS,"
            + " c.DTD_IDENTIFIER"
            + " FROM INFORMATION_SCHEMA.TABLES t JOIN INFORMATION_SCHEMA.COLUMNS c"
            + " ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME"
            + " WHERE t.TABLE_SCHEMA = CURRENT_SCHEMA AND t.TABLE_TYPE = 'BASE TABLE'"
            + " ORDER BY t.TABLE_NAME, c.ORDINAL_POSITION";
    private static final String ENUMS = "SELECT OBJECT_NAME, ENUM_IDENTIFIER, VALUE_NAME FROM INFORMATION_SCHEMA.ENUM_VALUES"
            + " WHERE OBJECT_SCHEMA = CURRENT_SCHEMA AND OBJECT_TYPE = 'TABLE' ORDER BY OBJECT_NAME, ENUM_IDENTIFIER, VALUE_ORDINAL";
    private static final String CONSTRAINTS = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME,"
            + " k.POSITION_IN_UNIQUE_CONSTRAINT, rc.UNIQUE_CONSTRAINT_NAME, rc.UPDATE_RULE, rc.DELETE_RULE, cc.CHECK_CLAUSE, tc.INDEX_NAME"
            + " FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc"
            + " LEFT JOIN INFORMATION_SCHEMA.KEY_COLUMN_USAGE k"
            + " ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
            + " ON rc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND rc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " LEFT JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS cc"
            + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " WHERE tc.TABLE_SCHEMA = CURRENT_SCHEMA ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION";
    private static final String INDEXES = "SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME, i.IS_GENERATED"
            + " FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c"
            + " ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME"
            + " WHERE i.TABLE_SCHEMA = CURRENT_SCHEMA ORDER BY i.TABLE_NAME, i.INDEX_NAME, c.ORDINAL_POSITION";

    /** H2's length for VARCHAR written without one. */
    static final long UNBOUNDED_VARCHAR = 1_000_000_000L;

    private final JdbcDialect dialect;

    H2SchemaInspector(JdbcDialect dialect) {
        this.dialect = dialect;
    }

    private static final class TableData {
        final String name;
        String comment;
        final List<Column> columns = new ArrayList<>();
        final Map<String, String> enumIds = new LinkedHashMap<>();
        PrimaryKey primaryKey;
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final Map<String, Index> indexes = new LinkedHashMap<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();

        TableData(String name) {
            this.name = name;
        }
    }

    /** One constraint as the catalog rows describe it, before foreign keys are resolved. */
    private static final class ConstraintData {
        final String table;
        final String name;
        final String type;
        final List<String> columns = new ArrayList<>();
        final List<Integer> positions = new ArrayList<>();
        String referencedConstraint;
        String updateRule;
        String deleteRule;
        String check;
        String index;

        ConstraintData(String table, String name, String type) {
            this.table = table;
            this.name = name;
            this.type = type;
        }
    }

    @Override
    public Schema inspect() {
        Map<String, TableData> tables = new LinkedHashMap<>();
        String versionTable = dialect.settings().versionTable();
        String historyTable = dialect.settings().historyTable();
        Map<String, List<String>> enumValues = new LinkedHashMap<>();
        Map<String, ConstraintData> constraints = new LinkedHashMap<>();
        Map<String, List<String>> indexColumns = new LinkedHashMap<>();
        try {
            query(COLUMNS, rs -> {
                String table = rs.getString(1);
                if (table.equals(versionTable) || table.equals(historyTable)) {
                    return;
                }
                TableData t = tables.computeIfAbsent(table, TableData::new);
                t.comment = blankToNull(rs.getString(2));
                String column = rs.getString(3);
                boolean identity = "YES".equals(rs.getString(11));
                ColumnType type = type(rs.getString(4), (Long) rs.getObject(5, Long.class), (Integer) rs.getObject(6, Integer.class),
                        (Integer) rs.getObject(7, Integer.class), (Integer) rs.getObject(8, Integer.class));
                if (type == null) {
                    t.enumIds.put(column, rs.getString(13));
                    type = ColumnType.parse("enum('?')");
                }
                t.columns.add(new Column(column, type, "YES".equals(rs.getString(9)), identity ? null : rs.getString(10), identity,
                        blankToNull(rs.getString(12))));
            });
            query(ENUMS, rs -> enumValues.computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                    .add(rs.getString(3)));
            query(CONSTRAINTS, rs -> {
                String table = rs.getString(1);
                String type = rs.getString(3);
                ConstraintData c = constraints.computeIfAbsent(rs.getString(2), n -> new ConstraintData(table, n, type));
                if (rs.getString(4) != null) {
                    c.columns.add(rs.getString(4));
                    c.positions.add((Integer) rs.getObject(5, Integer.class));
                }
                c.referencedConstraint = rs.getString(6);
                c.updateRule = rs.getString(7);
                c.deleteRule = rs.getString(8);
                c.check = rs.getString(9);
                c.index = rs.getString(10);
            });
            query(INDEXES, rs -> {
                String name = rs.getString(2);
                indexColumns.computeIfAbsent(name, n -> new ArrayList<>()).add(rs.getString(4));
                TableData t = tables.get(rs.getString(1));
                if (t == null || rs.getBoolean(5)) {
                    return;
                }
                Index old = t.indexes.get(name);
                List<String> columns = new ArrayList<>(old == null ? List.of() : old.columns());
                columns.add(rs.getString(4));
                t.indexes.put(name, new Index(name, columns, rs.getString(3).startsWith("UNIQUE")));
            });
        } catch (SQLException e) {
            throw dialect.error("Cannot read the H2 catalog", e);
        }
        for (TableData t : tables.values()) {
            for (int i = 0; i < t.columns.size(); i++) {
                Column c = t.columns.get(i);
                String enumId = t.enumIds.get(c.name());
                if (enumId != null) {
                    List<String> values = enumValues.getOrDefault(t.name + "\u0000" + enumId, List.of());
                    t.columns.set(i, c.withType(new ColumnType(ColumnType.Kind.ENUM, null, null, null, values, null)));
                }
            }
        }
        for (ConstraintData c : constraints.values()) {
            TableData t = tables.get(c.table);
            if (t == null) {
                continue;
            }
            switch (c.type) {
                case "PRIMARY KEY" -> t.primaryKey = new PrimaryKey(c.name, keyColumns(c, tables, indexColumns));
                case "UNIQUE" -> t.uniques.add(new UniqueConstraint(c.name, keyColumns(c, tables, indexColumns)));
                case "CHECK" -> t.checks.add(new CheckConstraint(c.name, c.check));
                case "FOREIGN KEY" -> {
                    ConstraintData target = constraints.get(c.referencedConstraint);
                    if (target == null) {
                        continue;
                    }
                    List<String> targetColumns = keyColumns(target, tables, indexColumns);
                    List<String> referenced = new ArrayList<>();
                    for (Integer p : c.positions) {
                        referenced.add(targetColumns.get(p - 1));
                    }
                    t.foreignKeys.add(new ForeignKey(c.name, keyColumns(c, tables, indexColumns), target.table, referenced, action(c.deleteRule),
                            action(c.updateRule)));
                }
                default -> {
                }
            }
        }
        List<Table> out = new ArrayList<>();
        for (TableData t : tables.values()) {
            out.add(new Table(t.name, t.columns, t.primaryKey, t.uniques, List.copyOf(t.indexes.values()), t.foreignKeys, t.checks, t.comment));
        }
        return new Schema(out);
    }

    /**
     * A key's columns in key order. {@code KEY_COLUMN_USAGE} keeps a column's old name after
     * {@code RENAME COLUMN} (H2 2.3.232), so when one of its names is no longer a column of the
     * table, the names come from the index behind the constraint, which has the current names
     * (in the index's order: right for H2's own indexes; an index H2 shares between keys on the
     * same columns in another order, or a wider index it reused, keeps the catalog's names).
     */
    private static List<String> keyColumns(ConstraintData c, Map<String, TableData> tables, Map<String, List<String>> indexColumns) {
        TableData t = tables.get(c.table);
        boolean current = t != null && c.columns.stream().allMatch(n -> t.columns.stream().anyMatch(col -> col.name().equals(n)));
        List<String> fromIndex = c.index == null ? null : indexColumns.get(c.index);
        return !current && fromIndex != null && fromIndex.size() == c.columns.size() ? fromIndex : c.columns;
    }

    /**
     * A portable type for H2's {@code DATA_TYPE} and its sizes, or null for an ENUM (whose values
     * come from another query). Precisions H2 gives by default read as no precision.
     */
    static ColumnType type(String dataType, Long length, Integer precision, Integer scale, Integer timePrecision) {
        String t = dataType.toUpperCase(Locale.ROOT);
        return switch (t) {
            case "SMALLINT" -> ColumnType.of(ColumnType.Kind.SMALLINT);
            case "INTEGER" -> ColumnType.of(ColumnType.Kind.INTEGER);
            case "BIGINT" -> ColumnType.of(ColumnType.Kind.BIGINT);
            case "NUMERIC" -> ColumnType.decimal(precision, scale == null ? 0 : scale);
            case "REAL" -> ColumnType.of(ColumnType.Kind.REAL);
            case "DOUBLE PRECISION" -> ColumnType.of(ColumnType.Kind.DOUBLE);
            case "BOOLEAN" -> ColumnType.of(ColumnType.Kind.BOOLEAN);
            case "CHARACTER" -> new ColumnType(ColumnType.Kind.CHAR, length.intValue(), null, null, List.of(), null);
            case "CHARACTER VARYING" -> length == null || length >= UNBOUNDED_VARCHAR ? ColumnType.of(ColumnType.Kind.VARCHAR)
                    : ColumnType.varchar(length.intValue());
            case "CHARACTER LARGE OBJECT" -> ColumnType.of(ColumnType.Kind.TEXT);
            case "DATE" -> ColumnType.of(ColumnType.Kind.DATE);
            case "TIME" -> time(ColumnType.Kind.TIME, timePrecision, 0);
            case "TIMESTAMP" -> time(ColumnType.Kind.TIMESTAMP, timePrecision, 6);
            case "TIMESTAMP WITH TIME ZONE" -> time(ColumnType.Kind.TIMESTAMP_TZ, timePrecision, 6);
            case "UUID" -> ColumnType.of(ColumnType.Kind.UUID);
            case "JSON" -> ColumnType.of(ColumnType.Kind.JSON);
            case "BINARY" -> new ColumnType(ColumnType.Kind.BINARY, length.intValue(), null, null, List.of(), null);
            case "BINARY LARGE OBJECT" -> ColumnType.of(ColumnType.Kind.BLOB);
            case "ENUM" -> null;
            default -> new ColumnType(ColumnType.Kind.OTHER, null, null, null, List.of(), dataType.toLowerCase(Locale.ROOT));
        };
    }

    private static ColumnType time(ColumnType.Kind kind, Integer precision, int byDefault) {
        return new ColumnType(kind, null, precision == null || precision == byDefault ? null : precision, null, List.of(), null);
    }

    private static ReferentialAction action(String rule) {
        return rule == null ? ReferentialAction.NO_ACTION : ReferentialAction.parse(rule);
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) throws SQLException {
        try (PreparedStatement ps = dialect.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                reader.read(rs);
            }
        }
    }
}
