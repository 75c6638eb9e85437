package dev.retort.core.application.service;

import dev.retort.core.application.port.in.CheckUseCase;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.diff.DiffOptions;
import dev.retort.core.domain.diff.DiffResult;
import dev.retort.core.domain.diff.SchemaDiff;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.schema.Schema;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/** Compares the model with a database that is at head, as autogenerate would, without writing anything. */
public final class CheckService implements CheckUseCase {
    private final ScriptRepository scripts;
    private final TargetSchemaSource target;
    private final DatabaseConnector connector;
    private final DiffOptions diffOptions;

    public CheckService(ScriptRepository scripts, TargetSchemaSource target, DatabaseConnector connector, DiffOptions diffOptions) {
        this.scripts = scripts;
        this.target = target;
        this.connector = connector;
        this.diffOptions = diffOptions;
    }

    @Override
    public CheckResult check() {
        RevisionGraph graph = RevisionGraph.of(scripts.loadAll());
        Schema wanted = target.load();
        if (!connector.exists()) {
            requireUpToDate(List.of(), graph);   // a new database is at base: say so before creating it
        }
        try (Dialect dialect = connector.connect()) {
            List<RevisionId> heads = dialect.versionStore().heads();
            graph.checkKnown(heads, connector.versionTable());
            requireUpToDate(heads, graph);
            long start = System.nanoTime();
            Schema live = Inspections.userSchema(dialect, connector);
            long inspected = System.nanoTime();
            DiffResult diff = SchemaDiff.diff(live, wanted, diffOptions.withComparable(dialect.normalizer()::normalize));
            long compared = System.nanoTime();
            return new CheckResult(heads, diff.operations(), diff.destructive(), diff.hints(),
                    new CheckUseCase.Timing(live.tables().size(), Duration.ofNanos(inspected - start), Duration.ofNanos(compared - inspected)));
        }
    }

    private static void requireUpToDate(List<RevisionId> heads, RevisionGraph graph) {
        if (!new HashSet<>(heads).equals(new HashSet<>(graph.heads()))) {
            throw new RetortException("the database is not up to date: it is at " + UpgradeService.describe(heads)
                    + " but the head" + (graph.heads().size() == 1 ? " is " : "s are ") + UpgradeService.describe(graph.heads())
                    + "; run `retort upgrade heads` first");
        }
    }
}
