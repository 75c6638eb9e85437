package dev.retort.dialect.jdbc;

import dev.retort.core.application.port.out.VersionStore;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.revision.VersionChange;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The version table over JDBC: one column {@code version_num VARCHAR(255) NOT NULL}, its primary
 * key. 255 wide because {@code --rev-id} allows ids up to 128 characters (Alembic's 32 is a known
 * trap). Values always go through prepared statements; runs inside whatever transaction the
 * dialect has open.
 */
public class JdbcVersionStore implements VersionStore {
    /** The column holding one applied head per row. */
    public static final String COLUMN = "version_num";

    private final JdbcDialect dialect;
    private final String table;
    private final String quotedTable;
    private final String quotedColumn;

    /**
     * @param table the version table's exact name, quoted here
     */
    public JdbcVersionStore(JdbcDialect dialect, String table) {
        this.dialect = dialect;
        this.table = table;
        this.quotedTable = dialect.quoting().identifier(table);
        this.quotedColumn = dialect.quoting().identifier(COLUMN);
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
        dialect.execute("CREATE TABLE IF NOT EXISTS " + quotedTable + " (" + quotedColumn + " VARCHAR(255) NOT NULL, PRIMARY KEY ("
                + quotedColumn + "))");
    }

    @Override
    public List<RevisionId> heads() {
        if (!exists()) {
            return List.of();
        }
        List<RevisionId> out = new ArrayList<>();
        try (PreparedStatement ps = dialect.connection().prepareStatement("SELECT " + quotedColumn + " FROM " + quotedTable);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String value = rs.getString(1);
                try {
                    out.add(RevisionId.of(value == null ? null : value.strip()));
                } catch (IllegalArgumentException e) {
                    throw new DatabaseException("Version table " + table + " holds '" + value + "', which is not a revision id; "
                            + "fix the row or run `retort stamp --purge`", e);
                }
            }
        } catch (SQLException e) {
            throw dialect.error("Cannot read version table " + table, e);
        }
        out.sort(null);
        return List.copyOf(out);
    }

    /**
     * @throws DatabaseException when a delete or update does not match exactly one row: the version
     *         table no longer matches the migration being applied
     */
    @Override
    public void apply(VersionChange change) {
        if (change instanceof VersionChange.Insert insert) {
            update("INSERT INTO " + quotedTable + " (" + quotedColumn + ") VALUES (?)", -1, "insert " + insert.id(), insert.id().value());
        } else if (change instanceof VersionChange.Delete delete) {
            update("DELETE FROM " + quotedTable + " WHERE " + quotedColumn + " = ?", 1, "delete " + delete.id(), delete.id().value());
        } else if (change instanceof VersionChange.Update u) {
            update("UPDATE " + quotedTable + " SET " + quotedColumn + " = ? WHERE " + quotedColumn + " = ?", 1,
                    "update " + u.from() + " to " + u.to(), u.to().value(), u.from().value());
        } else {
            throw new IllegalArgumentException("unknown version change " + change);
        }
    }

    @Override
    public void clear() {
        if (exists()) {
            update("DELETE FROM " + quotedTable, -1, "clear");
        }
    }

    private void update(String sql, int expectedRows, String what, String... values) {
        int rows;
        try (PreparedStatement ps = dialect.connection().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            rows = ps.executeUpdate();
        } catch (SQLException e) {
            throw dialect.error("Cannot " + what + " in version table " + table, e);
        }
        if (expectedRows >= 0 && rows != expectedRows) {
            throw new DatabaseException("Cannot " + what + " in version table " + table + ": expected to change " + expectedRows
                    + " row, changed " + rows + "; the table does not match the revisions (see `retort current`, fix with `retort stamp`)");
        }
    }
}
