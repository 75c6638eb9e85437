package dev.retort.dialect.jdbc;

import dev.retort.core.application.port.out.VersionTableSql;
import dev.retort.core.domain.revision.VersionChange;
import java.util.List;

/** The version table's statements as text, the same ones {@link JdbcVersionStore} runs. */
public final class JdbcVersionTableSql implements VersionTableSql {
    private final SqlQuoting quoting;
    private final String quotedTable;
    private final String quotedColumn;

    public JdbcVersionTableSql(SqlQuoting quoting, String table) {
        this(quoting, null, table);
    }

    /**
     * @param schema the schema to qualify the table with, or null for an unqualified name (found
     *               through the session's search path)
     */
    public JdbcVersionTableSql(SqlQuoting quoting, String schema, String table) {
        this.quoting = quoting;
        this.quotedTable = (schema == null ? "" : quoting.identifier(schema) + ".") + quoting.identifier(table);
        this.quotedColumn = quoting.identifier(JdbcVersionStore.COLUMN);
    }

    @Override
    public List<String> create() {
        return List.of("CREATE TABLE IF NOT EXISTS " + quotedTable + " (" + quotedColumn + " VARCHAR(255) NOT NULL, PRIMARY KEY ("
                + quotedColumn + "))");
    }

    @Override
    public String change(VersionChange change) {
        if (change instanceof VersionChange.Insert insert) {
            return "INSERT INTO " + quotedTable + " (" + quotedColumn + ") VALUES (" + quoting.literal(insert.id().value()) + ")";
        }
        if (change instanceof VersionChange.Delete delete) {
            return "DELETE FROM " + quotedTable + " WHERE " + quotedColumn + " = " + quoting.literal(delete.id().value());
        }
        VersionChange.Update u = (VersionChange.Update) change;
        return "UPDATE " + quotedTable + " SET " + quotedColumn + " = " + quoting.literal(u.to().value()) + " WHERE " + quotedColumn
                + " = " + quoting.literal(u.from().value());
    }
}
