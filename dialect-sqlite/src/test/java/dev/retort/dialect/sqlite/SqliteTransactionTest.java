package dev.retort.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.revision.VersionChange;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.Table;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTransactionTest {
    @TempDir
    Path dir;

    @Test
    void a_failed_revision_leaves_neither_its_table_nor_its_version_row() {
        String url = "jdbc:sqlite:" + dir.resolve("tx.db");
        try (Dialect d = new SqliteDialectProvider().open(new ConnectionSettings(url, null, null, null, null))) {
            d.versionStore().create();
            d.versionStore().apply(new VersionChange.Insert(RevisionId.of("aaaaaaaaaaaa")));

            d.begin();
            try {
                d.renderer().render(new CreateTable(Table.of("invoice", List.of(Column.of("id", ColumnType.of(ColumnType.Kind.INTEGER), false)))))
                        .forEach(d::execute);
                d.versionStore().apply(new VersionChange.Update(RevisionId.of("aaaaaaaaaaaa"), RevisionId.of("bbbbbbbbbbbb")));
                assertThrows(DatabaseException.class, () -> d.execute("INSERT INTO missing_table VALUES (1)"));
            } finally {
                d.rollback();
            }
        }
        // A new connection sees only what was committed.
        try (Dialect d = new SqliteDialectProvider().open(new ConnectionSettings(url, null, null, null, null))) {
            assertEquals(List.of(), d.inspector().inspect().tableNames());
            assertEquals(List.of(RevisionId.of("aaaaaaaaaaaa")), d.versionStore().heads());
        }
    }
}
