package dev.retort.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.in.DowngradeCommand;
import dev.retort.core.application.port.in.UpgradeCommand;
import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.application.service.ConfiguredConnector;
import dev.retort.core.application.service.DialectRegistry;
import dev.retort.core.application.service.DowngradeService;
import dev.retort.core.application.service.UpgradeService;
import dev.retort.core.domain.MigrationFailedException;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.SchemaEvolution;
import dev.retort.core.domain.revision.MigrationStep;
import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rebuilds run by core's own upgrade and downgrade services (its migration runner renders each
 * revision up front from the inspected schema and runs it in one transaction), on a database with
 * rows, including child rows that reference the rebuilt table with ON DELETE CASCADE.
 */
class SqliteMigrationRunnerTest {
    @TempDir
    Path dir;

    private static final Reporter QUIET = new Reporter() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }

        @Override
        public void stepStarting(int index, int total, MigrationStep step) {
        }

        @Override
        public void stepFinished(int index, int total, MigrationStep step, Duration took) {
        }
    };

    /** Revisions in a list, each the child of the one before. */
    private static final class Revisions implements ScriptRepository {
        final List<Revision> revisions = new ArrayList<>();
        Schema model = Schema.EMPTY;

        void add(String id, List<Operation> upgrade) {
            List<Operation> downgrade = SchemaEvolution.invertAll(model, upgrade.stream().filter(op -> !(op instanceof ExecuteSql)).toList());
            model = SchemaEvolution.applyAll(model, upgrade);
            List<RevisionId> parent = revisions.isEmpty() ? List.of() : List.of(revisions.get(revisions.size() - 1).id());
            revisions.add(new Revision(RevisionId.of(id), parent, null, null, id, null, upgrade, downgrade, null));
        }

        @Override
        public List<Revision> loadAll() {
            return List.copyOf(revisions);
        }

        @Override
        public String write(Revision revision) {
            throw new UnsupportedOperationException("read-only");
        }
    }

    @Test
    void upgrade_and_downgrade_through_core_keep_the_rows_and_the_rows_that_reference_them() {
        ConnectionSettings settings = new ConnectionSettings("jdbc:sqlite:" + dir.resolve("app.db"), null, null, null, null);
        ConfiguredConnector connector = new ConfiguredConnector(new DialectRegistry(List.of(new SqliteDialectProvider())), settings);
        Revisions revisions = new Revisions();
        Schema fixture = SqliteTableRebuildTest.fixture();
        List<Operation> create = new ArrayList<>(fixture.tables().stream().map(t -> (Operation) new CreateTable(t)).toList());
        create.add(ExecuteSql.of("INSERT INTO account (id, email, name) VALUES (1, 'ann@example.com', 'Ann'), (2, 'bob@example.com', NULL);\n"
                + "INSERT INTO invoice (id, account_id, total) VALUES (10, 1, 12.5), (11, 2, 3);\n"
                + "INSERT INTO invoice_line (id, invoice_id, qty) VALUES (100, 10, 1), (101, 11, 2);"));
        revisions.add("aaaaaaaaaaa1", create);
        revisions.add("aaaaaaaaaaa2", List.of(
                new AlterColumn("account", "name", ColumnType.parse("varchar(100)"), false, new AlterColumn.Change("'?'"), null),
                new AddUniqueConstraint("account", new UniqueConstraint("uq_account_name", List.of("name"))),
                new DropColumn("account", "avatar"),
                new AlterColumn("invoice", "note", ColumnType.parse("varchar(200)"), null, null, null)));

        new UpgradeService(revisions, connector, QUIET).upgrade(new UpgradeCommand("head"));
        try (SqliteTestDatabase db = new SqliteTestDatabase(dir.resolve("app.db"))) {
            assertEquals(List.of("Ann", "?"), db.strings("SELECT name FROM account WHERE ? IS NOT NULL ORDER BY id", "x"));
            assertEquals("2", db.scalar("SELECT count(*) FROM invoice_line"), "child rows of the rebuilt tables survive");
            assertEquals(SqliteTestDatabase.normalized(revisions.model), SqliteTestDatabase.normalized(db.inspect()));
            db.assertCleanAfterRebuild();
        }

        new DowngradeService(revisions, connector, QUIET).downgrade(new DowngradeCommand("aaaaaaaaaaa1"));
        try (SqliteTestDatabase db = new SqliteTestDatabase(dir.resolve("app.db"))) {
            assertEquals(SqliteTestDatabase.normalized(fixture), SqliteTestDatabase.normalized(db.inspect()));
            assertEquals("2", db.scalar("SELECT count(*) FROM invoice_line"));
            assertEquals(List.of("Ann", "?"), db.strings("SELECT name FROM account WHERE ? IS NOT NULL ORDER BY id", "x"),
                    "a downgrade does not bring NULLs back");
            db.assertCleanAfterRebuild();
        }
    }

    @Test
    void a_failing_rebuild_rolls_the_revision_back_and_names_the_column() {
        ConnectionSettings settings = new ConnectionSettings("jdbc:sqlite:" + dir.resolve("fail.db"), null, null, null, null);
        ConfiguredConnector connector = new ConfiguredConnector(new DialectRegistry(List.of(new SqliteDialectProvider())), settings);
        Revisions revisions = new Revisions();
        revisions.add("bbbbbbbbbbb1", List.of(new CreateTable(SqliteTableRebuildTest.account()),
                ExecuteSql.of("INSERT INTO account (id, email, name) VALUES (1, 'ann@example.com', NULL)")));
        revisions.add("bbbbbbbbbbb2", List.of(new AlterColumn("account", "name", null, false, null, null)));
        UpgradeService upgrade = new UpgradeService(revisions, connector, QUIET);

        MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> upgrade.upgrade(new UpgradeCommand("head")));
        assertTrue(e.getMessage().contains("NOT NULL constraint failed: _retort_tmp_account.name"), e.getMessage());
        assertTrue(e.getMessage().contains("the revision was rolled back"), e.getMessage());
        try (SqliteTestDatabase db = new SqliteTestDatabase(dir.resolve("fail.db"))) {
            assertEquals(List.of(Map.of("name", "null:NULL")), db.rows("account").stream().map(r -> Map.of("name", r.get("name"))).toList());
            assertEquals(List.of(RevisionId.of("bbbbbbbbbbb1")), db.dialect.versionStore().heads());
            db.assertCleanAfterRebuild();
        }
    }

}
