package dev.retort.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.in.UpgradeCommand;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.application.service.UpgradeService;
import dev.retort.core.domain.MigrationFailedException;
import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.revision.MigrationStep;
import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.Table;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Core's upgrade on MySQL, where DDL commits as it goes. */
class MysqlUpgradeTest {
    private static final RevisionId FIRST = RevisionId.of("aaaaaaaaaaa1");
    private static final RevisionId SECOND = RevisionId.of("bbbbbbbbbbb2");

    private static Table table(String name) {
        return new Table(name, List.of(Column.of("id", ColumnType.parse("integer"), false), Column.of("name", ColumnType.parse("varchar(10)"), true)),
                new PrimaryKey(null, List.of("id")), null, null, null, null, null);
    }

    private static Revision revision(RevisionId id, RevisionId parent, Operation... upgrade) {
        return new Revision(id, parent == null ? List.of() : List.of(parent), null, null, "test", null, List.of(upgrade), List.of(),
                "versions/" + id + "_test.yaml");
    }

    private static UpgradeService upgrade(MysqlTestDatabase db, List<String> log, Revision... revisions) {
        ScriptRepository scripts = new ScriptRepository() {
            @Override
            public List<Revision> loadAll() {
                return List.of(revisions);
            }

            @Override
            public String write(Revision revision) {
                throw new UnsupportedOperationException("read-only in this test");
            }
        };
        DatabaseConnector connector = new DatabaseConnector() {
            @Override
            public Dialect connect() {
                return new MysqlDialectProvider().open(db.settings());
            }

            @Override
            public String versionTable() {
                return db.settings().versionTable();
            }
        };
        Reporter reporter = new Reporter() {
            @Override
            public void info(String message) {
                log.add(message);
            }

            @Override
            public void warn(String message) {
                log.add(message);
            }

            @Override
            public void stepStarting(int index, int total, MigrationStep step) {
                log.add("start " + step.revision().id());
            }

            @Override
            public void stepFinished(int index, int total, MigrationStep step, Duration took) {
                log.add("done " + step.revision().id());
            }
        };
        return new UpgradeService(scripts, connector, reporter);
    }

    @Test
    void a_failing_statement_keeps_the_ddl_before_it_and_leaves_the_version_table_at_the_last_good_revision() throws Exception {
        try (MysqlTestDatabase db = MysqlTestDatabase.create("retort_up")) {
            List<String> log = new ArrayList<>();
            UpgradeService service = upgrade(db, log,
                    revision(FIRST, null, new CreateTable(table("first"))),
                    revision(SECOND, FIRST, new CreateTable(table("kept")), ExecuteSql.of("INSERT INTO no_such_table VALUES (1)"),
                            new CreateTable(table("never"))));

            MigrationFailedException e = assertThrows(MigrationFailedException.class, () -> service.upgrade(new UpgradeCommand("head")));

            assertEquals(SECOND.value(), e.revision());
            assertEquals("INSERT INTO no_such_table VALUES (1)", e.statement());
            assertTrue(e.getMessage().contains("upgrade " + SECOND.value()) && e.getMessage().contains("no_such_table")
                    && e.getMessage().contains("does not roll back DDL"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertEquals(List.of("first", "kept"), db.inspect().tableNames().stream().sorted().toList(),
                    "MySQL committed the CREATE TABLE before the failing statement; the one after never ran");
            assertEquals(List.of(FIRST), db.dialect.versionStore().heads(), "the version table is updated only after every statement");
            assertEquals(List.of("start " + FIRST, "done " + FIRST, "start " + SECOND), log);
        }
    }

    @Test
    void alter_column_restates_a_column_the_database_holds_but_refuses_one_only_raw_sql_of_the_same_run_made() throws Exception {
        try (MysqlTestDatabase db = MysqlTestDatabase.create("retort_up")) {
            Revision raw = revision(FIRST, null, ExecuteSql.of("CREATE TABLE legacy (id INT PRIMARY KEY, name VARCHAR(10) NOT NULL COMMENT 'who')"));
            Revision widen = revision(SECOND, FIRST, new AlterColumn("legacy", "name", ColumnType.parse("varchar(40)"), null, null, null));

            RetortException refused = assertThrows(RetortException.class, () -> upgrade(db, new ArrayList<>(), raw, widen)
                    .upgrade(new UpgradeCommand("head")));
            assertTrue(refused.getMessage().contains("table legacy is unknown") && refused.getMessage().contains("raw sql")
                    && refused.getMessage().contains("nothing was changed"), refused.getMessage());
            assertEquals(List.of(), db.inspect().tables(), "every statement is rendered before any runs");

            upgrade(db, new ArrayList<>(), raw, widen).upgrade(new UpgradeCommand(FIRST.value()));
            upgrade(db, new ArrayList<>(), raw, widen).upgrade(new UpgradeCommand("head"));
            assertEquals(new Column("name", ColumnType.parse("varchar(40)"), false, null, false, "who"),
                    db.inspect().table("legacy").orElseThrow().column("name").orElseThrow(),
                    "in a later run the inspected table gives MODIFY COLUMN the whole definition: NOT NULL and the comment stay");
            assertEquals(List.of(SECOND), db.dialect.versionStore().heads());
        }
    }
}
