package dev.retort.core.application.service;

import dev.retort.core.application.port.in.DowngradeCommand;
import dev.retort.core.application.port.in.DowngradeUseCase;
import dev.retort.core.application.port.in.MigrationResult;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.domain.revision.MigrationPlan;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionId;
import java.util.List;

public final class DowngradeService implements DowngradeUseCase {
    private final ScriptRepository scripts;
    private final DatabaseConnector connector;
    private final Reporter reporter;

    public DowngradeService(ScriptRepository scripts, DatabaseConnector connector, Reporter reporter) {
        this.scripts = scripts;
        this.connector = connector;
        this.reporter = reporter;
    }

    @Override
    public MigrationResult downgrade(DowngradeCommand command) {
        RevisionGraph graph = RevisionGraph.of(scripts.loadAll());
        if (!connector.exists()) {
            // A new database is at base: check the target without creating it; there is nothing to undo.
            graph.downgradePlan(List.of(), command.target());
            reporter.info("Nothing to downgrade: the database is at base");
            return new MigrationResult(List.of(), List.of(), List.of());
        }
        try {
            return run(graph, command);
        } finally {
            scripts.remember();   // the checksums worked out for the integrity check, for the next run
        }
    }

    private MigrationResult run(RevisionGraph graph, DowngradeCommand command) {
        return Locked.run(connector, reporter, dialect -> {
            List<RevisionId> heads = dialect.versionStore().heads();
            graph.checkKnown(heads, connector.versionTable());
            Locked.checkIntegrity(dialect, graph, heads);
            MigrationPlan plan = graph.downgradePlan(heads, command.target()).readOperations();
            if (plan.isEmpty()) {
                reporter.info("Nothing to downgrade: the database is at " + UpgradeService.describe(heads));
                return new MigrationResult(List.of(), heads, heads);
            }
            SqlDialectKeys.check(plan, connector.dialectNames());
            return new MigrationRunner(reporter).run(dialect, plan, connector.transactionPerMigration());
        });
    }
}
