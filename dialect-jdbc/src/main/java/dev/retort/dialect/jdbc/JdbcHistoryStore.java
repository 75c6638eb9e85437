package dev.retort.dialect.jdbc;

import dev.retort.core.application.port.out.HistoryEntry;
import dev.retort.core.application.port.out.HistoryStore;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.revision.Direction;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The history table over JDBC. Created through the dialect's own renderer from portable types,
 * so it looks native on every database; times are ISO-8601 text so they read back identically
 * everywhere. Ranks are assigned as max + 1 under the migration lock.
 */
public class JdbcHistoryStore implements HistoryStore {
    private static final List<String> COLUMNS = List.of("installed_rank", "revision", "direction", "checksum", "started_at",
            "finished_at", "duration_ms", "outcome", "statement", "message", "executed_by", "host");

    private final JdbcDialect dialect;
    private final String table;
    private final String quotedTable;
    private final String insertSql;

    public JdbcHistoryStore(JdbcDialect dialect, String table) {
        this.dialect = dialect;
        this.table = table;
        this.quotedTable = dialect.quoting().identifier(table);
        // INSERT ... SELECT: the next rank and the row in one round trip. Only the holder of the
        // migration lock writes here, so MAX + 1 does not race. Built once: it runs per revision.
        this.insertSql = "INSERT INTO " + quotedTable + " (" + String.join(", ", COLUMNS.stream().map(c -> dialect.quoting().identifier(c)).toList())
                + ") SELECT COALESCE(MAX(" + dialect.quoting().identifier("installed_rank") + "), 0) + 1, "
                + String.join(", ", COLUMNS.stream().skip(1).map(c -> "?").toList()) + " FROM " + quotedTable;
    }

    /** The table as a portable model. */
    public static Table definition(String table) {
        ColumnType text = ColumnType.of(ColumnType.Kind.TEXT);
        return new Table(table, List.of(
                Column.of("installed_rank", ColumnType.of(ColumnType.Kind.BIGINT), false),
                Column.of("revision", ColumnType.varchar(255), false),
                Column.of("direction", ColumnType.varchar(16), false),
                Column.of("checksum", ColumnType.varchar(64), true),
                Column.of("started_at", ColumnType.varchar(40), false),
                Column.of("finished_at", ColumnType.varchar(40), true),
                Column.of("duration_ms", ColumnType.of(ColumnType.Kind.BIGINT), true),
                Column.of("outcome", ColumnType.varchar(16), false),
                Column.of("statement", text, true),
                Column.of("message", text, true),
                Column.of("executed_by", ColumnType.varchar(255), true),
                Column.of("host", ColumnType.varchar(255), true)),
                new PrimaryKey(null, List.of("installed_rank")), List.of(), List.of(), List.of(), List.of(), null);
    }

    @Override
    public boolean exists() {
        return dialect.tableExists(table);
    }

    @Override
    public void create() {
        if (exists()) {
            return;
        }
        for (String sql : dialect.renderer().render(new CreateTable(definition(table)))) {
            dialect.execute(sql);
        }
    }

    @Override
    public List<HistoryEntry> entries() {
        if (!exists()) {
            return List.of();
        }
        String sql = "SELECT " + String.join(", ", COLUMNS.stream().map(c -> dialect.quoting().identifier(c)).toList()) + " FROM "
                + quotedTable + " ORDER BY " + dialect.quoting().identifier("installed_rank");
        List<HistoryEntry> out = new ArrayList<>();
        try (PreparedStatement ps = dialect.connection().prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long duration = rs.getLong(7);
                out.add(new HistoryEntry(rs.getLong(1), rs.getString(2), Direction.valueOf(rs.getString(3)), rs.getString(4),
                        instant(rs.getString(5)), instant(rs.getString(6)), rs.wasNull() ? 0 : duration,
                        HistoryEntry.Outcome.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)));
            }
        } catch (SQLException e) {
            throw dialect.error("Cannot read history table " + table, e);
        } catch (IllegalArgumentException e) {
            throw new DatabaseException("History table " + table + " holds a row Retort cannot read (" + e.getMessage() + ")", e);
        }
        return out;
    }

    @Override
    public void append(HistoryEntry e) {
        try (PreparedStatement ps = dialect.connection().prepareStatement(insertSql)) {
            ps.setString(1, e.revision());
            ps.setString(2, e.direction().name());
            ps.setString(3, e.checksum());
            ps.setString(4, e.startedAt().toString());
            ps.setString(5, e.finishedAt() == null ? null : e.finishedAt().toString());
            ps.setLong(6, e.durationMillis());
            ps.setString(7, e.outcome().name());
            setText(ps, 8, e.statement());
            setText(ps, 9, e.message());
            ps.setString(10, e.executedBy());
            ps.setString(11, e.host());
            ps.executeUpdate();
        } catch (SQLException ex) {
            throw dialect.error("Cannot write history table " + table, ex);
        }
    }

    private static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value.length() > 4000 ? value.substring(0, 3997) + "..." : value);
        }
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
