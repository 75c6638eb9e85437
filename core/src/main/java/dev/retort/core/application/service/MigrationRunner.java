package dev.retort.core.application.service;

import dev.retort.core.application.port.in.MigrationResult;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.HistoryEntry;
import dev.retort.core.application.port.out.HistoryStore;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.VersionStore;
import dev.retort.core.domain.MigrationFailedException;
import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.SchemaEvolution;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.revision.MigrationPlan;
import dev.retort.core.domain.revision.MigrationStep;
import dev.retort.core.domain.revision.VersionChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a plan: every statement is rendered before anything runs (so an operation the dialect
 * cannot do changes nothing), then each revision and its version-table change run in one
 * transaction where the dialect has transactional DDL.
 */
final class MigrationRunner {
    private final Reporter reporter;

    MigrationRunner(Reporter reporter) {
        this.reporter = reporter;
    }

    MigrationResult run(Dialect dialect, MigrationPlan plan) {
        return run(dialect, plan, true);
    }

    /**
     * @param transactionPerMigration false runs the whole plan as one transaction where the dialect
     *                                has transactional DDL (Alembic's default): one commit, and a
     *                                failure anywhere leaves the database as it was before the run
     */
    MigrationResult run(Dialect dialect, MigrationPlan plan, boolean transactionPerMigration) {
        List<List<String>> rendered = new ArrayList<>(plan.steps().size());
        Schema model = plan.isEmpty() ? Schema.EMPTY : dialect.inspector().inspect();
        for (MigrationStep step : plan.steps()) {
            try {
                rendered.add(dialect.renderer().renderAll(step.operations(), model));
            } catch (RetortException e) {
                throw new RetortException("revision " + step.revision().where() + ": " + e.getMessage() + "; nothing was changed", e);
            }
            for (Operation op : step.operations()) {
                model = evolve(model, op);
            }
        }
        VersionStore versions = dialect.versionStore();
        HistoryStore history = dialect.historyStore();
        if (!plan.steps().isEmpty() && !versions.exists()) {
            versions.create();
        }
        if (!plan.steps().isEmpty() && !history.exists()) {
            history.create();
        }
        List<MigrationStep> done = new ArrayList<>();
        int total = plan.steps().size();
        boolean oneTransaction = !transactionPerMigration && dialect.capabilities().transactionalDdl() && total > 0;
        if (oneTransaction) {
            dialect.begin();
            // e.g. SQLite's foreign keys off for a rebuild: once, first, for the whole run
            rendered.stream().flatMap(List::stream).filter(dialect.renderer()::mustStartTransaction).distinct().forEach(dialect::execute);
        }
        for (int k = 0; k < total; k++) {
            MigrationStep step = plan.steps().get(k);
            reporter.stepStarting(k + 1, total, step);
            long started = System.nanoTime();
            Instant startedAt = Instant.now();
            String checksum = step.revision().checksum();
            if (!dialect.capabilities().transactionalDdl()) {
                history.append(new HistoryEntry(0, step.revision().id().value(), step.direction(), checksum, startedAt, null, 0,
                        HistoryEntry.Outcome.STARTED, null, null, USER, HOST));
            }
            if (!oneTransaction) {
                dialect.begin();
            }
            String current = null;
            try {
                for (String sql : rendered.get(k)) {
                    current = sql;
                    dialect.execute(sql);
                }
                current = null;
                for (VersionChange change : step.versionChanges()) {
                    versions.apply(change);
                }
                Instant finished = Instant.now();
                history.append(new HistoryEntry(0, step.revision().id().value(), step.direction(), checksum, startedAt, finished,
                        Duration.between(startedAt, finished).toMillis(), HistoryEntry.Outcome.SUCCESS, null, null, USER, HOST));
                if (!oneTransaction) {
                    dialect.commit();
                }
            } catch (RuntimeException e) {
                dialect.rollback();
                recordFailure(history, step, checksum, startedAt, current, e);
                String what = step.direction().name().toLowerCase(java.util.Locale.ROOT);
                String cause = oneLine(e.getMessage());
                String where = current == null ? " [while updating the version table]"
                        : cause.contains(oneLine(current)) ? "" : " [statement: " + oneLine(current) + "]";
                String undone = oneTransaction
                        ? "the whole run was rolled back (transaction_per_migration: false): no revision of it stays applied"
                        : dialect.capabilities().transactionalDdl()
                        ? "the revision was rolled back"
                        : "this database does not roll back DDL: statements before the failing one stay applied";
                throw new MigrationFailedException(step.revision().id().value(), current,
                        what + " " + step.revision().where() + " failed: " + cause + where + "; " + undone,
                        e);
            }
            done.add(step);
            reporter.stepFinished(k + 1, total, step, Duration.ofNanos(System.nanoTime() - started));
        }
        if (oneTransaction) {
            dialect.commit();
        }
        return new MigrationResult(done, plan.headsBefore(), plan.headsAfter());
    }

    private static final String USER = System.getProperty("user.name", "unknown");
    private static final String HOST = hostName();

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException | SecurityException e) {
            return "unknown";
        }
    }

    /** Records a failed step in its own (auto-committed) write, so it outlives the rollback. */
    private static void recordFailure(HistoryStore history, MigrationStep step, String checksum, Instant startedAt, String statement,
                                      RuntimeException e) {
        try {
            Instant finished = Instant.now();
            history.append(new HistoryEntry(0, step.revision().id().value(), step.direction(), checksum, startedAt, finished,
                    Duration.between(startedAt, finished).toMillis(), HistoryEntry.Outcome.FAILED, statement, oneLine(e.getMessage()), USER, HOST));
        } catch (RuntimeException ignored) {
            // The original failure is what the user needs to see.
        }
    }

    /**
     * The model after {@code op}. When the live schema and the revisions disagree (a table made by
     * raw SQL, say), the table the operation touches becomes unknown instead of failing the run:
     * the database, not the model, decides whether the statement works.
     */
    static Schema evolve(Schema model, Operation op) {
        try {
            return SchemaEvolution.apply(model, op);
        } catch (RuntimeException e) {
            String table = op.table();
            return table == null ? model : model.withoutTable(table);
        }
    }

    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String s = text.strip().replaceAll("\\s+", " ");
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
