package dev.retort.core.application.service;

import dev.retort.core.application.port.in.MigrationResult;
import dev.retort.core.application.port.in.UpgradeCommand;
import dev.retort.core.application.port.in.UpgradeUseCase;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.domain.revision.MigrationPlan;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionId;
import java.util.List;

public final class UpgradeService implements UpgradeUseCase {
    private final ScriptRepository scripts;
    private final DatabaseConnector connector;
    private final Reporter reporter;

    public UpgradeService(ScriptRepository scripts, DatabaseConnector connector, Reporter reporter) {
        this.scripts = scripts;
        this.connector = connector;
        this.reporter = reporter;
    }

    @Override
    public MigrationResult upgrade(UpgradeCommand command) {
        RevisionGraph graph = RevisionGraph.of(scripts.loadAll());
        if (!connector.exists()) {
            // A new database (an SQLite file not there yet) is at base: check the target and the
            // revisions to run before connecting creates it, so bad input leaves nothing behind.
            MigrationPlan plan = graph.upgradePlan(List.of(), command.target()).readOperations();
            if (plan.isEmpty()) {
                reporter.info("Nothing to upgrade: the database is at base");
                return new MigrationResult(List.of(), List.of(), List.of());
            }
            SqlDialectKeys.check(plan, connector.dialectNames());
        }
        try {
            return run(graph, command);
        } finally {
            scripts.remember();   // the checksums worked out for the integrity check, for the next run
        }
    }

    private MigrationResult run(RevisionGraph graph, UpgradeCommand command) {
        return Locked.run(connector, reporter, dialect -> {
            List<RevisionId> heads = dialect.versionStore().heads();
            graph.checkKnown(heads, connector.versionTable());
            Locked.checkIntegrity(dialect, graph, heads);
            MigrationPlan plan = graph.upgradePlan(heads, command.target()).readOperations();
            if (plan.isEmpty()) {
                reporter.info("Nothing to upgrade: the database is at " + describe(heads));
                return new MigrationResult(List.of(), heads, heads);
            }
            SqlDialectKeys.check(plan, connector.dialectNames());
            return new MigrationRunner(reporter).run(dialect, plan, connector.transactionPerMigration());
        });
    }

    static String describe(List<RevisionId> heads) {
        return heads.isEmpty() ? "base" : String.join(", ", heads.stream().map(RevisionId::value).toList());
    }
}
