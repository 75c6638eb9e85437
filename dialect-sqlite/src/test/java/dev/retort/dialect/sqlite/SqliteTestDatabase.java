package dev.retort.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.SchemaEvolution;
import dev.retort.core.domain.schema.Schema;
import dev.retort.dialect.jdbc.JdbcDialect;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real SQLite file opened through {@link SqliteDialectProvider}, with what the rebuild tests read:
 * every row with its storage class, indexes, foreign-key checks, and migrations run the way core's
 * migration runner runs a revision (statements rendered up front from the inspected model, then
 * begin, execute all, commit; rollback on failure).
 */
final class SqliteTestDatabase implements AutoCloseable {
    /** How a revision's statements are rendered: per operation (core today) or through the planner. */
    enum Rendering { PER_OPERATION, PLANNED }

    final SqliteDialect dialect;

    SqliteTestDatabase(Path file) {
        dialect = (SqliteDialect) new SqliteDialectProvider().open(new ConnectionSettings("jdbc:sqlite:" + file, null, null, null, null));
    }

    /** Runs statements outside the model: fixtures and data. */
    void sql(String... statements) {
        for (String s : statements) {
            dialect.execute(s);
        }
    }

    /** Creates the model's tables with Retort's own DDL. */
    void create(Schema model) {
        for (var t : model.tables()) {
            dialect.renderer().render(new dev.retort.core.domain.operation.CreateTable(t)).forEach(dialect::execute);
        }
    }

    /** The statements for one revision, rendered as the migration runner renders them. */
    List<String> render(List<? extends Operation> ops, Rendering rendering) {
        Schema model = dialect.inspector().inspect();
        if (rendering == Rendering.PLANNED) {
            return SqliteDialect.RENDERER.renderAll(ops, model);
        }
        List<String> out = new ArrayList<>();
        for (Operation op : ops) {
            out.addAll(dialect.renderer().render(op, model));
            model = SchemaEvolution.apply(model, op);
        }
        return out;
    }

    /** One revision in one transaction; on failure it rolls back and rethrows. */
    void migrate(List<? extends Operation> ops, Rendering rendering) {
        List<String> statements = render(ops, rendering);
        dialect.begin();
        try {
            statements.forEach(dialect::execute);
            dialect.commit();
        } catch (RuntimeException e) {
            dialect.rollback();
            throw e;
        }
    }

    Schema inspect() {
        return dialect.inspector().inspect();
    }

    /** Every row of every table, by table, in rowid order; each value as {@code typeof:quote(value)}. */
    Map<String, List<Map<String, String>>> rows() {
        Map<String, List<Map<String, String>>> out = new LinkedHashMap<>();
        for (String table : inspect().tableNames()) {
            out.put(table, rows(table));
        }
        return out;
    }

    List<Map<String, String>> rows(String table) {
        List<String> columns = strings("SELECT name FROM pragma_table_info(?) ORDER BY cid", table);
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            String c = q(columns.get(i));
            select.append(i == 0 ? "" : ", ").append("typeof(").append(c).append(") || ':' || quote(").append(c).append(')');
        }
        select.append(" FROM ").append(q(table)).append(" ORDER BY rowid");
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement st = dialect.connection().createStatement(); ResultSet rs = st.executeQuery(select.toString())) {
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), rs.getString(i + 1));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        return rows;
    }

    /** Names of the indexes SQLite holds for a table, Retort's and its own (autoindexes), sorted. */
    List<String> indexNames(String table) {
        return strings("SELECT name FROM pragma_index_list(?) ORDER BY name", table);
    }

    List<String> foreignKeyViolations() {
        return strings("SELECT \"table\" || ' row ' || rowid || ' -> ' || parent FROM pragma_foreign_key_check WHERE ? IS NOT NULL", "x");
    }

    /** Leftovers a rebuild must not leave: temporary tables, and the pragmas it switches. */
    void assertCleanAfterRebuild() {
        assertEquals(List.of(), strings("SELECT name FROM sqlite_schema WHERE name LIKE ? ESCAPE '\\'", "\\_retort\\_%"), "leftover tables");
        assertEquals(List.of(), strings("SELECT name FROM sqlite_temp_schema WHERE name LIKE ? ESCAPE '\\'", "\\_retort\\_%"), "leftover temp tables");
        assertEquals(List.of("1"), strings("SELECT foreign_keys FROM pragma_foreign_keys WHERE ? IS NOT NULL", "x"), "foreign keys back on");
        assertEquals(List.of("0"), strings("SELECT legacy_alter_table FROM pragma_legacy_alter_table WHERE ? IS NOT NULL", "x"));
        assertEquals(List.of(), foreignKeyViolations(), "PRAGMA foreign_key_check");
        assertEquals(List.of("ok"), strings("SELECT integrity_check FROM pragma_integrity_check WHERE ? IS NOT NULL", "x"));
    }

    List<String> strings(String sql, String parameter) {
        try (PreparedStatement ps = dialect.connection().prepareStatement(sql)) {
            ps.setString(1, parameter);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    String scalar(String sql) {
        try (Statement st = dialect.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new AssertionError(sql + ": " + e.getMessage(), e);
        }
    }

    static String q(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** The dialect's type rules, as autogenerate applies them. */
    static Schema normalized(Schema schema) {
        return SqliteDialect.NORMALIZER.normalize(schema);
    }

    @Override
    public void close() {
        dialect.close();
    }
}
