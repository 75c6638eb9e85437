package dev.retort.dialect.sqlite;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.SchemaInspector;
import dev.retort.core.domain.DatabaseException;
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
import dev.retort.dialect.jdbc.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads the schema in four queries whatever the number of tables: tables, columns, indexes and
 * foreign keys, each joining {@code sqlite_schema} with a table-valued pragma. Checks, enum values,
 * AUTOINCREMENT and constraint names come from the stored CREATE TABLE text ({@link SqliteTableSql}).
 * Expression indexes are left out (the model has no place for them); partial indexes are read
 * without their WHERE clause.
 */
public class SqliteSchemaInspector implements SchemaInspector {
    /** User tables of the main schema: no internal {@code sqlite_} tables, virtual or shadow tables, nor Retort's own tables. */
    private static final String TABLES = "WITH t AS (SELECT s.name AS name, s.sql AS sql FROM sqlite_schema s"
            + " JOIN pragma_table_list l ON l.schema = 'main' AND l.name = s.name AND l.type = 'table'"
            + " WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND lower(s.name) NOT IN (lower(?), lower(?))) ";

    private final Connection connection;
    private final String versionTable;
    private final String historyTable;

    /**
     * @param connection   used, never closed
     * @param versionTable left out of the result
     * @param historyTable left out of the result
     */
    public SqliteSchemaInspector(Connection connection, String versionTable, String historyTable) {
        this.connection = Objects.requireNonNull(connection);
        this.versionTable = Objects.requireNonNull(versionTable);
        this.historyTable = Objects.requireNonNull(historyTable);
    }

    /** Leaves out the version table and the history table of the default name. */
    public SqliteSchemaInspector(Connection connection, String versionTable) {
        this(connection, versionTable, ConnectionSettings.DEFAULT_HISTORY_TABLE);
    }

    private static final class TableData {
        final String name;
        final SqliteTableSql sql;
        final List<Column> columns = new ArrayList<>();
        final Map<Integer, String> pk = new TreeMap<>();
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();

        TableData(String name, String sql) {
            this.name = name;
            this.sql = SqliteTableSql.parse(sql);
        }
    }

    @Override
    public Schema inspect() {
        try {
            Map<String, TableData> tables = new LinkedHashMap<>();
            query(TABLES + "SELECT name, sql FROM t ORDER BY name", rs -> tables.put(rs.getString(1), new TableData(rs.getString(1), rs.getString(2))));
            query(TABLES + "SELECT t.name, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk FROM t, pragma_table_info(t.name) p"
                    + " ORDER BY t.name, p.cid", rs -> readColumn(tables.get(rs.getString(1)), rs));
            Map<String, List<String[]>> indexColumns = new LinkedHashMap<>();
            query(TABLES + "SELECT t.name, il.name, il.\"unique\", il.origin, ii.name FROM t, pragma_index_list(t.name) il,"
                    + " pragma_index_info(il.name) ii ORDER BY t.name, il.name, ii.seqno", rs -> indexColumns
                    .computeIfAbsent(rs.getString(1) + "\u0000" + rs.getString(2), k -> new ArrayList<>())
                    .add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)}));
            Map<String, List<String[]>> fkColumns = new LinkedHashMap<>();
            query(TABLES + "SELECT t.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update, f.on_delete"
                    + " FROM t, pragma_foreign_key_list(t.name) f ORDER BY t.name, f.id DESC, f.seq", rs -> fkColumns
                    .computeIfAbsent(rs.getString(1) + "\u0000" + rs.getInt(2), k -> new ArrayList<>())
                    .add(new String[] {rs.getString(1), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)}));

            indexColumns.values().forEach(rows -> readIndex(tables.get(rows.get(0)[0]), rows));
            fkColumns.values().forEach(rows -> readForeignKey(tables, tables.get(rows.get(0)[0]), rows));
            List<Table> out = new ArrayList<>();
            for (TableData t : tables.values()) {
                t.sql.tableChecks().forEach(c -> t.checks.add(new CheckConstraint(c.name(), c.expression())));
                PrimaryKey pk = t.pk.isEmpty() ? null : new PrimaryKey(t.sql.primaryKeyName(), List.copyOf(t.pk.values()));
                out.add(new Table(t.name, t.columns, pk, t.uniques, t.indexes, t.foreignKeys, t.checks, null));
            }
            return new Schema(out);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the SQLite catalog: " + SqlErrors.describe(e, null), e);
        }
    }

    private void readColumn(TableData t, ResultSet rs) throws SQLException {
        String name = rs.getString(2);
        String declared = rs.getString(3);
        boolean notNull = rs.getInt(4) != 0;
        int pkPosition = rs.getInt(6);
        boolean autoincrement = pkPosition > 0 && t.sql.autoincrement(name);
        ColumnType type = parseType(declared);
        String marker = t.sql.typeMarker(name);
        if (autoincrement && marker != null && type.kind() == ColumnType.Kind.INTEGER) {
            type = parseType(marker);
        }
        for (SqliteTableSql.Check check : t.sql.columnChecks(name)) {
            if (check.enumValues() != null && type.kind() == ColumnType.Kind.TEXT) {
                type = new ColumnType(ColumnType.Kind.ENUM, null, null, null, check.enumValues(), null);
            } else {
                t.checks.add(new CheckConstraint(check.name(), check.expression()));
            }
        }
        if (pkPosition > 0) {
            t.pk.put(pkPosition, name);
        }
        // An INTEGER PRIMARY KEY is the rowid and can never hold NULL, whatever its declaration says.
        boolean rowid = pkPosition > 0 && "INTEGER".equalsIgnoreCase(declared == null ? "" : declared.strip());
        t.columns.add(new Column(name, type, !notNull && !rowid, rs.getString(5), autoincrement, null));
    }

    /**
     * The portable type for a declared type. A column declared without a type has BLOB affinity
     * (stores values as given), which {@code blob} renders back to.
     */
    static ColumnType parseType(String declared) {
        if (declared == null || declared.isBlank()) {
            return ColumnType.of(ColumnType.Kind.BLOB);
        }
        try {
            return ColumnType.parse(declared);
        } catch (IllegalArgumentException e) {
            return new ColumnType(ColumnType.Kind.OTHER, null, null, null, List.of(), declared.strip());
        }
    }

    private static void readIndex(TableData t, List<String[]> rows) {
        String name = rows.get(0)[1];
        boolean unique = "1".equals(rows.get(0)[2]);
        String origin = rows.get(0)[3];
        List<String> columns = new ArrayList<>();
        for (String[] row : rows) {
            if (row[4] == null) {
                return;
            }
            columns.add(row[4]);
        }
        if ("pk".equals(origin)) {
            return;
        }
        if ("u".equals(origin)) {
            t.uniques.add(new UniqueConstraint(t.sql.uniqueName(columns), columns));
        } else {
            t.indexes.add(new Index(name, columns, unique));
        }
    }

    private static void readForeignKey(Map<String, TableData> tables, TableData t, List<String[]> rows) {
        String referenced = rows.get(0)[1];
        List<String> columns = new ArrayList<>();
        List<String> referencedColumns = new ArrayList<>();
        for (String[] row : rows) {
            columns.add(row[2]);
            referencedColumns.add(row[3]);
        }
        if (referencedColumns.contains(null)) {
            // "REFERENCES parent" without columns means the parent's primary key.
            TableData parent = tables.values().stream().filter(p -> p.name.equalsIgnoreCase(referenced)).findFirst().orElse(null);
            if (parent == null || parent.pk.size() != columns.size()) {
                return;
            }
            referencedColumns = List.copyOf(parent.pk.values());
        }
        t.foreignKeys.add(new ForeignKey(t.sql.foreignKeyName(columns, referenced), columns, referenced, referencedColumns,
                ReferentialAction.parse(rows.get(0)[5]), ReferentialAction.parse(rows.get(0)[4])));
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, versionTable);
            ps.setString(2, historyTable);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}
