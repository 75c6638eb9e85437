package dev.retort.dialect.mysql;

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
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the current database from {@code information_schema} in four queries, however many
 * tables it holds: TABLES with COLUMNS; STATISTICS (primary key, unique constraints, indexes);
 * KEY_COLUMN_USAGE with REFERENTIAL_CONSTRAINTS (foreign keys); CHECK_CONSTRAINTS (with
 * TABLE_CONSTRAINTS on MySQL, whose view lacks the table name).
 *
 * <p>What comes back is valid MySQL the renderer can restate in a MODIFY COLUMN:
 * <ul>
 * <li>types: portable where the renderer writes the portable type back as the same MySQL type
 *     ({@code tinyint(1)} is boolean, {@code datetime} timestamp, {@code timestamp} timestamptz),
 *     else the catalog's text as a raw type; a column collation other than the table's becomes
 *     part of the raw type ({@code varchar(20) collate utf8mb4_bin}), so MODIFY keeps it;</li>
 * <li>MariaDB's JSON (a LONGTEXT with a column check {@code json_valid(col)}) is json, without
 *     that check;</li>
 * <li>defaults in one spelling ({@link MysqlSql#canonicalDefault}): MariaDB's
 *     {@code current_timestamp()} is {@code CURRENT_TIMESTAMP}, its {@code NULL} text is no
 *     default, {@code 0.00} is {@code 0}, a boolean's {@code 1} is {@code true}; MySQL's unquoted
 *     string defaults are quoted;</li>
 * <li>unique indexes carrying {@link MysqlDdlRenderer#UNIQUE_INDEX_MARKER} are indexes, other
 *     unique keys are unique constraints (MySQL stores both alike);</li>
 * <li>the index MySQL makes for a foreign key is not reported: an index named like a foreign key
 *     of its table, or, for keys MySQL named ({@code <table>_ibfk_<n>}), the index named after the
 *     key's first column with exactly the key's columns;</li>
 * <li>RESTRICT is reported as NO ACTION (InnoDB treats them alike and MariaDB reports both as
 *     RESTRICT); check clauses lose MySQL's outer parentheses and needless backticks.</li>
 * </ul>
 * Retort's version and history tables, views and other databases' tables are left out. Not thread-safe (it uses
 * the dialect's connection).
 */
public class MysqlSchemaInspector implements SchemaInspector {
    static final String COLUMNS = "SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.EXTRA,"
            + " c.COLUMN_COMMENT, c.COLLATION_NAME, t.TABLE_COMMENT, t.TABLE_COLLATION"
            + " FROM information_schema.TABLES t JOIN information_schema.COLUMNS c"
            + " ON c.TABLE_SCHEMA = t.TABLE_SCHEMA AND c.TABLE_NAME = t.TABLE_NAME"
            + " WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED') AND t.TABLE_NAME NOT IN (?, ?)"
            + " ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION";
    static final String INDEXES = "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, INDEX_COMMENT"
            + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
    static final String FOREIGN_KEYS = "SELECT k.TABLE_NAME, k.CONSTRAINT_NAME, k.COLUMN_NAME, k.REFERENCED_TABLE_NAME,"
            + " k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE"
            + " FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r"
            + " ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.TABLE_NAME = k.TABLE_NAME AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME"
            + " WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_SCHEMA = DATABASE()"
            + " ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION";
    // MariaDB names checks per table and reports the table and whether the check was written on a column.
    static final String CHECKS_MARIADB = "SELECT TABLE_NAME, CONSTRAINT_NAME, LEVEL, CHECK_CLAUSE FROM information_schema.CHECK_CONSTRAINTS"
            + " WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY TABLE_NAME, CONSTRAINT_NAME";
    // MySQL names checks per schema; its CHECK_CONSTRAINTS has no table name.
    static final String CHECKS_MYSQL = "SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, 'Table', cc.CHECK_CLAUSE"
            + " FROM information_schema.TABLE_CONSTRAINTS tc JOIN information_schema.CHECK_CONSTRAINTS cc"
            + " ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME"
            + " WHERE tc.TABLE_SCHEMA = DATABASE() AND tc.CONSTRAINT_TYPE = 'CHECK' ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME";

    private static final Pattern GENERATED_FK_NAME = Pattern.compile(".*_ibfk_\\d+");

    private final Connection connection;
    private final String versionTable;
    private final String historyTable;
    private final boolean mariadb;

    /**
     * @param connection   an open connection whose current database is inspected; not closed here
     * @param versionTable the version table's name, left out of the result
     * @param historyTable the history table's name, left out of the result
     * @param mariadb      whether the server is MariaDB (its catalog differs from MySQL's)
     */
    public MysqlSchemaInspector(Connection connection, String versionTable, String historyTable, boolean mariadb) {
        this.connection = connection;
        this.versionTable = versionTable;
        this.historyTable = historyTable;
        this.mariadb = mariadb;
    }

    private record RawColumn(String name, String columnType, boolean nullable, String defaultValue, String extra, String comment,
                             String collation) {
    }

    private record RawIndex(String name, boolean unique, List<String> columns, String comment) {
    }

    private record RawCheck(String name, boolean columnLevel, String clause) {
    }

    private static final class TableData {
        final String name;
        final List<RawColumn> columns = new ArrayList<>();
        final Map<String, RawIndex> indexes = new LinkedHashMap<>();
        final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();
        final List<RawCheck> checks = new ArrayList<>();
        String comment;
        String collation;

        TableData(String name) {
            this.name = name;
        }
    }

    /** @throws DatabaseException naming the catalog query that failed */
    @Override
    public Schema inspect() {
        Map<String, TableData> tables = new LinkedHashMap<>();
        query(COLUMNS, true, rs -> {
            TableData t = tables.computeIfAbsent(rs.getString(1), TableData::new);
            t.columns.add(new RawColumn(rs.getString(2), rs.getString(3), "YES".equals(rs.getString(4)), rs.getString(5),
                    lower(rs.getString(6)), emptyToNull(rs.getString(7)), rs.getString(8)));
            t.comment = emptyToNull(rs.getString(9));
            t.collation = rs.getString(10);
        });
        query(INDEXES, false, rs -> {
            TableData t = tables.get(rs.getString(1));
            if (t == null) {
                return;
            }
            String name = rs.getString(2);
            String column = rs.getString(4);
            RawIndex index = t.indexes.get(name);
            if (index == null) {
                index = new RawIndex(name, rs.getLong(3) == 0, new ArrayList<>(), rs.getString(5));
                t.indexes.put(name, index);
            }
            // A functional key part (MySQL 8) has no column; the index is left out below.
            index.columns().add(column);
        });
        Map<String, List<String[]>> fkColumns = new LinkedHashMap<>();
        query(FOREIGN_KEYS, false, rs -> {
            TableData t = tables.get(rs.getString(1));
            if (t == null) {
                return;
            }
            String name = rs.getString(2);
            List<String[]> cols = fkColumns.computeIfAbsent(t.name + "\u0000" + name, k -> new ArrayList<>());
            cols.add(new String[] {rs.getString(3), rs.getString(5)});
            List<String> columns = cols.stream().map(c -> c[0]).toList();
            List<String> referenced = cols.stream().map(c -> c[1]).toList();
            t.foreignKeys.put(name, new ForeignKey(name, columns, rs.getString(4), referenced, action(rs.getString(6)), action(rs.getString(7))));
        });
        query(mariadb ? CHECKS_MARIADB : CHECKS_MYSQL, false, rs -> {
            TableData t = tables.get(rs.getString(1));
            if (t != null) {
                t.checks.add(new RawCheck(rs.getString(2), "Column".equalsIgnoreCase(rs.getString(3)), rs.getString(4)));
            }
        });
        List<Table> out = new ArrayList<>();
        for (TableData t : tables.values()) {
            out.add(table(t));
        }
        return new Schema(out);
    }

    private Table table(TableData t) {
        List<CheckConstraint> checks = new ArrayList<>();
        List<String> jsonColumns = new ArrayList<>();
        for (RawCheck check : t.checks) {
            String json = check.columnLevel() ? jsonValidColumn(t, check.clause()) : null;
            if (json != null) {
                jsonColumns.add(json);
            } else {
                checks.add(new CheckConstraint(check.name(), MysqlSql.readableCheck(check.clause())));
            }
        }
        List<Column> columns = new ArrayList<>();
        for (RawColumn c : t.columns) {
            ColumnType type = jsonColumns.contains(c.name()) ? ColumnType.of(ColumnType.Kind.JSON) : type(c, t.collation);
            boolean autoincrement = c.extra().contains("auto_increment");
            String dflt = autoincrement ? null : defaultValue(c, type);
            columns.add(new Column(c.name(), type, c.nullable(), dflt, autoincrement, c.comment()));
        }
        PrimaryKey pk = null;
        List<UniqueConstraint> uniques = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        for (RawIndex i : t.indexes.values()) {
            if (i.columns().contains(null)) {
                continue;
            }
            if (i.name().equals("PRIMARY")) {
                pk = new PrimaryKey(null, i.columns());
            } else if (i.unique() && !MysqlDdlRenderer.UNIQUE_INDEX_MARKER.equals(i.comment())) {
                uniques.add(new UniqueConstraint(i.name(), i.columns()));
            } else if (i.unique() || !madeForForeignKey(t, i)) {
                indexes.add(new Index(i.name(), i.columns(), i.unique()));
            }
        }
        return new Table(t.name, columns, pk, uniques, indexes, List.copyOf(t.foreignKeys.values()), checks, t.comment);
    }

    /** The column a MariaDB {@code json_valid(`col`)} column check guards, when the column is its LONGTEXT. */
    private static String jsonValidColumn(TableData t, String clause) {
        for (RawColumn c : t.columns) {
            if (MysqlTypes.tidy(c.columnType()).equals("longtext")
                    && MysqlSql.compact(clause).equals(MysqlSql.compact("json_valid(`" + c.name().replace("`", "``") + "`)"))) {
                return c.name();
            }
        }
        return null;
    }

    private static boolean madeForForeignKey(TableData t, RawIndex index) {
        if (t.foreignKeys.containsKey(index.name())) {
            return true;
        }
        for (ForeignKey fk : t.foreignKeys.values()) {
            if (GENERATED_FK_NAME.matcher(fk.name()).matches() && index.name().equals(fk.columns().get(0))
                    && index.columns().equals(fk.columns())) {
                return true;
            }
        }
        return false;
    }

    private static ColumnType type(RawColumn c, String tableCollation) {
        if (c.collation() != null && tableCollation != null && !c.collation().equalsIgnoreCase(tableCollation)) {
            return MysqlTypes.fromColumnType(MysqlTypes.tidy(c.columnType()) + " collate " + c.collation().toLowerCase(Locale.ROOT));
        }
        return MysqlTypes.fromColumnType(c.columnType());
    }

    /**
     * MariaDB reports defaults as SQL (strings quoted, {@code NULL} for none); MySQL reports a
     * literal's bare value and marks expressions {@code DEFAULT_GENERATED}.
     */
    private String defaultValue(RawColumn c, ColumnType type) {
        String raw = c.defaultValue();
        if (raw == null) {
            return null;
        }
        if (mariadb) {
            return MysqlSql.canonicalDefault(type, raw);
        }
        if (c.extra().contains("default_generated")) {
            return MysqlSql.canonicalDefault(type, raw);
        }
        boolean quoted = c.collation() != null || switch (type.kind()) {
            case DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> true;
            default -> false;
        };
        return MysqlSql.canonicalDefault(type, quoted ? MysqlSql.quote(raw) : raw);
    }

    private static ReferentialAction action(String rule) {
        ReferentialAction a = ReferentialAction.parse(rule);
        return a == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : a;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, boolean withOwnTables, RowReader reader) {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            if (withOwnTables) {
                ps.setString(1, versionTable);
                ps.setString(2, historyTable);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the " + (mariadb ? "MariaDB" : "MySQL") + " catalog (information_schema): "
                    + SqlErrors.describe(e, null) + "; check that the user may read information_schema", e);
        }
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
