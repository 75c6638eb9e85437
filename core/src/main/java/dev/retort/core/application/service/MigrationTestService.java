package dev.retort.core.application.service;

import dev.retort.core.application.port.in.MigrationTestUseCase;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.diff.DiffOptions;
import dev.retort.core.domain.diff.SchemaDiff;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.revision.MigrationPlan;
import dev.retort.core.domain.revision.MigrationStep;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code retort test}'s checks on an empty database; stops at the first failing check. */
public final class MigrationTestService implements MigrationTestUseCase {
    private final ScriptRepository scripts;
    private final TargetSchemaSource target;
    private final DatabaseConnector connector;
    private final Reporter reporter;
    private final DiffOptions diffOptions;

    /** @param target the model, or null to skip the model check */
    public MigrationTestService(ScriptRepository scripts, TargetSchemaSource target, DatabaseConnector connector, Reporter reporter,
                                DiffOptions diffOptions) {
        this.scripts = scripts;
        this.target = target;
        this.connector = connector;
        this.reporter = reporter;
        this.diffOptions = diffOptions;
    }

    @Override
    public Report run(String databaseLabel) {
        List<Outcome> out = new ArrayList<>();
        RevisionGraph graph = RevisionGraph.of(scripts.loadAll());
        if (graph.heads().size() != 1) {
            out.add(new Outcome("single head", false, graph.heads().isEmpty() ? "there are no revisions"
                    : graph.heads().size() + " heads: " + UpgradeService.describe(graph.heads()) + "; run `retort merge heads`"));
            return new Report(databaseLabel, out);
        }
        out.add(new Outcome("single head", true, graph.heads().get(0).value()));
        graph.upgradePlanTo(List.of(), graph.heads()).readOperations();
        try (Dialect dialect = connector.connect()) {
            List<RevisionId> start = dialect.versionStore().heads();
            Schema empty = Inspections.userSchema(dialect, connector);
            if (!start.isEmpty() || !empty.tables().isEmpty()) {
                out.add(new Outcome("empty database", false, "the test database is not empty (" + empty.tables().size() + " tables, at "
                        + UpgradeService.describe(start) + "); give retort test an empty database or leave out --url for a throwaway SQLite file"));
                return new Report(databaseLabel, out);
            }
            UnaryNormal normal = new UnaryNormal(dialect, connector);
            MigrationRunner runner = new MigrationRunner(reporter);
            List<MigrationStep> order = graph.upgradePlanTo(List.of(), graph.heads()).steps();
            List<RevisionId> heads = List.of();
            for (MigrationStep step : order) {
                RevisionId id = step.revision().id();
                Schema before = normal.inspect();
                MigrationPlan up = graph.upgradePlanTo(heads, List.of(id));
                String failed = attempt(() -> runner.run(dialect, up));
                if (failed != null) {
                    out.add(new Outcome("upgrade base -> head", false, "upgrade " + step.revision().where() + " failed: " + failed));
                    return new Report(databaseLabel, out);
                }
                Schema after = normal.inspect();
                MigrationPlan down = graph.revertOnly(up.headsAfter(), id);
                failed = attempt(() -> runner.run(dialect, down));
                if (failed != null) {
                    out.add(new Outcome("up/down/up round trip", false, "downgrade " + step.revision().where() + " failed: " + failed));
                    return new Report(databaseLabel, out);
                }
                Schema reverted = normal.inspect();
                if (!reverted.equals(before)) {
                    out.add(new Outcome("up/down/up round trip", false, "downgrade of " + step.revision().where()
                            + " does not restore the schema before it: " + describe(SchemaDiff.compare(before, reverted, DiffOptions.DEFAULT))));
                    return new Report(databaseLabel, out);
                }
                failed = attempt(() -> runner.run(dialect, graph.upgradePlanTo(down.headsAfter(), List.of(id))));
                if (failed != null) {
                    out.add(new Outcome("up/down/up round trip", false, "upgrading " + step.revision().where() + " again failed: " + failed));
                    return new Report(databaseLabel, out);
                }
                if (!normal.inspect().equals(after)) {
                    out.add(new Outcome("up/down/up round trip", false, "upgrading " + step.revision().where()
                            + " a second time gives a different schema than the first time"));
                    return new Report(databaseLabel, out);
                }
                heads = up.headsAfter();
            }
            out.add(new Outcome("upgrade base -> head", true, order.size() + " revision" + (order.size() == 1 ? "" : "s")));
            out.add(new Outcome("up/down/up round trip", true, "every revision's downgrade restores the schema before it"));
            if (target != null) {
                List<Operation> pending = SchemaDiff.compare(Inspections.userSchema(dialect, connector), target.load(),
                        diffOptions.withComparable(dialect.normalizer()::normalize));
                out.add(pending.isEmpty() ? new Outcome("model matches head", true, "no pending autogenerate operations")
                        : new Outcome("model matches head", false, pending.size() + " pending operation" + (pending.size() == 1 ? "" : "s")
                                + " at head: " + describe(pending) + "; run `retort revision --autogenerate`"));
            }
            MigrationPlan toBase = graph.downgradePlan(heads, "base");
            String failed = attempt(() -> runner.run(dialect, toBase));
            if (failed != null) {
                out.add(new Outcome("downgrade head -> base", false, failed));
            } else if (!normal.inspect().equals(normal.normalize(empty))) {
                out.add(new Outcome("downgrade head -> base", false, "tables left behind: " + Inspections.userSchema(dialect, connector).tableNames()));
            } else {
                out.add(new Outcome("downgrade head -> base", true, "the database is empty again"));
            }
        }
        return new Report(databaseLabel, out);
    }

    private static String attempt(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RetortException e) {
            return e.getMessage();
        }
    }

    private static String describe(List<Operation> ops) {
        List<String> lines = ops.stream().limit(5).map(Operation::describe).toList();
        return String.join("; ", lines) + (ops.size() > 5 ? "; ..." : "");
    }

    /** Inspection in the dialect's comparable form. */
    private static final class UnaryNormal {
        private final Dialect dialect;
        private final DatabaseConnector connector;

        UnaryNormal(Dialect dialect, DatabaseConnector connector) {
            this.dialect = dialect;
            this.connector = connector;
        }

        Schema inspect() {
            return normalize(Inspections.userSchema(dialect, connector));
        }

        Schema normalize(Schema s) {
            Schema n = dialect.normalizer().normalize(s);
            List<dev.retort.core.domain.schema.Table> sorted = new ArrayList<>(n.tables());
            sorted.sort(java.util.Comparator.comparing(dev.retort.core.domain.schema.Table::name));
            return new Schema(sorted);
        }
    }
}
