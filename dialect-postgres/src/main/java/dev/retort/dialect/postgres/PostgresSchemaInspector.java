package dev.retort.dialect.postgres;

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
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads one schema from {@code pg_catalog} in three queries, whatever the number of tables:
 * columns (with types, enum labels, defaults, identity and comments), constraints (primary key,
 * unique, foreign key, check) and indexes.
 *
 * <p>What it reads and how:
 * <ul>
 *   <li>Tables: ordinary and partitioned tables of the schema ({@code relkind} r, p), not
 *       partitions, not Retort's version and history tables; tables without columns are left out (the model needs one).</li>
 *   <li>Types: {@code format_type} text mapped back to portable types ({@link PostgresExpressions#parseType});
 *       an enum column reads back as {@code enum(...)} with its labels in order, whatever its type is called;
 *       anything else non-portable as an OTHER type with PostgreSQL's spelling.</li>
 *   <li>Defaults: casts on literals removed, {@code now()} as {@code CURRENT_TIMESTAMP}
 *       ({@link PostgresExpressions#normalizeDefault}); a {@code nextval(...)} default (serial)
 *       and identity columns read as autoincrement without a default. Generated columns read
 *       without their expression.</li>
 *   <li>Constraints: names as stored; columns in key order; foreign keys with their actions from
 *       {@code confdeltype}/{@code confupdtype}, naming the referenced table without its schema;
 *       check expressions from {@code pg_get_constraintdef}, normalised
 *       ({@link PostgresExpressions#checkBody}). Exclusion constraints and PostgreSQL 18's
 *       NOT NULL constraints are not read.</li>
 *   <li>Indexes: those not backing a primary key, unique or exclusion constraint; key columns in
 *       order (INCLUDE columns, sort order, method and the WHERE of partial indexes are not in
 *       the model and are left out); indexes on expressions are skipped.</li>
 *   <li>Comments: from {@code pg_description}.</li>
 * </ul>
 */
public class PostgresSchemaInspector implements SchemaInspector {
    /** The number of catalog queries one {@link #inspect()} runs. */
    public static final int QUERIES = 3;

    private static final String IN_SCHEMA = " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = COALESCE(CAST(? AS name), current_schema()) AND c.relkind IN ('r', 'p') AND NOT c.relispartition"
            + " AND c.relname <> ALL (?)";
    private static final String COLUMNS = "SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            + " pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, cd.description, td.description, t.typtype,"
            + " (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = a.atttypid)"
            + " FROM pg_class c"
            + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
            + " JOIN pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum"
            + " LEFT JOIN pg_description cd ON cd.objoid = c.oid AND cd.classoid = 'pg_class'::regclass AND cd.objsubid = a.attnum"
            + " LEFT JOIN pg_description td ON td.objoid = c.oid AND td.classoid = 'pg_class'::regclass AND td.objsubid = 0"
            + IN_SCHEMA
            + " ORDER BY c.relname, a.attnum";
    private static final String CONSTRAINTS = "SELECT c.relname, con.conname, con.contype,"
            + " ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)"
            + "   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord),"
            + " rc.relname,"
            + " ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)"
            + "   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord),"
            + " con.confdeltype, con.confupdtype, pg_get_constraintdef(con.oid)"
            + " FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid"
            + " LEFT JOIN pg_class rc ON rc.oid = con.confrelid"
            + IN_SCHEMA + " AND con.contype IN ('p', 'u', 'f', 'c')"
            + " ORDER BY c.relname, con.conname";
    private static final String INDEXES = "SELECT c.relname, ic.relname, i.indisunique,"
            + " ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(num, ord)"
            + "   LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.num AND k.num > 0"
            + "   WHERE k.ord <= i.indnkeyatts ORDER BY k.ord)"
            + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid"
            + IN_SCHEMA
            + " AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid"
            + "   AND con.contype IN ('p', 'u', 'x'))"
            + " ORDER BY c.relname, ic.relname";

    private final Connection connection;
    private final String schema;
    private final List<String> ownTables;

    /**
     * @param connection used, never closed
     * @param schema     the schema to read, or null for the connection's {@code current_schema()}
     * @param ownTables  Retort's own tables (version and history table), left out of the result
     */
    public PostgresSchemaInspector(Connection connection, String schema, List<String> ownTables) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.schema = schema;
        this.ownTables = List.copyOf(ownTables);
    }

    /** Reads {@code settings.schema()} (else {@code current_schema()}), leaving out the version and history tables. */
    public PostgresSchemaInspector(Connection connection, ConnectionSettings settings) {
        this(connection, settings.schema(), List.of(settings.versionTable(), settings.historyTable()));
    }

    private static final class TableData {
        final String name;
        final List<Column> columns = new ArrayList<>();
        String comment;
        PrimaryKey primaryKey;
        final List<UniqueConstraint> uniques = new ArrayList<>();
        final List<ForeignKey> foreignKeys = new ArrayList<>();
        final List<CheckConstraint> checks = new ArrayList<>();
        final List<Index> indexes = new ArrayList<>();

        TableData(String name) {
            this.name = name;
        }

        Table toTable() {
            return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys, checks, comment);
        }
    }

    /** @throws DatabaseException when the catalog cannot be read */
    @Override
    public Schema inspect() {
        Map<String, TableData> tables = new LinkedHashMap<>();
        try {
            query(COLUMNS, rs -> readColumn(tables.computeIfAbsent(rs.getString(1), TableData::new), rs));
            query(CONSTRAINTS, rs -> {
                TableData t = tables.get(rs.getString(1));
                if (t != null) {
                    readConstraint(t, rs);
                }
            });
            query(INDEXES, rs -> {
                TableData t = tables.get(rs.getString(1));
                List<String> columns = strings(rs.getArray(4));
                // An expression index has no column name at its position.
                if (t != null && !columns.isEmpty() && !columns.contains(null)) {
                    t.indexes.add(new Index(rs.getString(2), columns, rs.getBoolean(3)));
                }
            });
        } catch (SQLException e) {
            throw new DatabaseException("Cannot read the PostgreSQL catalog" + (schema == null ? "" : " of schema " + schema) + ": "
                    + SqlErrors.describe(e, null) + "; check that the user may read the schema", e);
        }
        List<Table> out = new ArrayList<>();
        tables.values().forEach(t -> out.add(t.toTable()));
        return new Schema(out);
    }

    private static void readColumn(TableData t, ResultSet rs) throws SQLException {
        String rawDefault = rs.getString(5);
        String identity = rs.getString(6);
        String generated = rs.getString(7);
        boolean isGenerated = generated != null && !generated.isEmpty();
        boolean serial = !isGenerated && rawDefault != null && rawDefault.startsWith("nextval(");
        boolean autoincrement = serial || (identity != null && !identity.isEmpty());
        ColumnType type = "e".equals(rs.getString(10))
                ? new ColumnType(ColumnType.Kind.ENUM, null, null, null, strings(rs.getArray(11)), null)
                : PostgresExpressions.parseType(rs.getString(3));
        String defaultValue = serial || isGenerated ? null : PostgresExpressions.normalizeDefault(rawDefault, type);
        t.columns.add(new Column(rs.getString(2), type, !rs.getBoolean(4), defaultValue, autoincrement, rs.getString(8)));
        t.comment = rs.getString(9);
    }

    private static void readConstraint(TableData t, ResultSet rs) throws SQLException {
        String name = rs.getString(2);
        List<String> columns = strings(rs.getArray(4));
        switch (rs.getString(3)) {
            case "p" -> t.primaryKey = new PrimaryKey(name, columns);
            case "u" -> t.uniques.add(new UniqueConstraint(name, columns));
            case "f" -> t.foreignKeys.add(new ForeignKey(name, columns, rs.getString(5), strings(rs.getArray(6)),
                    action(rs.getString(7)), action(rs.getString(8))));
            case "c" -> t.checks.add(new CheckConstraint(name, PostgresExpressions.checkBody(rs.getString(9))));
            default -> {
                // Only p, u, f and c are selected.
            }
        }
    }

    /** {@code pg_constraint.confdeltype} / {@code confupdtype} codes. */
    static ReferentialAction action(String code) {
        return switch (code == null ? "a" : code) {
            case "r" -> ReferentialAction.RESTRICT;
            case "c" -> ReferentialAction.CASCADE;
            case "n" -> ReferentialAction.SET_NULL;
            case "d" -> ReferentialAction.SET_DEFAULT;
            default -> ReferentialAction.NO_ACTION;
        };
    }

    private static List<String> strings(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            Object[] values = (Object[]) array.getArray();
            return Arrays.stream(values).map(v -> v == null ? null : v.toString()).toList();
        } finally {
            array.free();
        }
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void query(String sql, RowReader reader) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setArray(2, connection.createArrayOf("text", ownTables.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }
}
