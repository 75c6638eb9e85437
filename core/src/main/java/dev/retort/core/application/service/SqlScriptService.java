package dev.retort.core.application.service;

import dev.retort.core.application.port.in.SqlScriptUseCase;
import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.application.port.out.ScriptDialect;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.revision.Direction;
import dev.retort.core.domain.revision.InvalidTargetException;
import dev.retort.core.domain.revision.MigrationPlan;
import dev.retort.core.domain.revision.MigrationStep;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.revision.SchemaReplay;
import dev.retort.core.domain.revision.VersionChange;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes the offline script. The schema before each statement comes from replaying the revisions
 * from base (never from a database), so table rebuilds and restated definitions work offline.
 */
public final class SqlScriptService implements SqlScriptUseCase {
    private final ScriptRepository scripts;
    private final DialectRegistry dialects;
    private final ConnectionSettings settings;
    private final Clock clock;

    public SqlScriptService(ScriptRepository scripts, DialectRegistry dialects, ConnectionSettings settings, Clock clock) {
        this.scripts = scripts;
        this.dialects = dialects;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String script(ScriptCommand command) {
        RevisionGraph graph = RevisionGraph.of(scripts.loadAll());
        ScriptDialect dialect = dialect(command.dialect());
        String range = command.range().strip();
        int colon = range.indexOf(':');
        String start = colon < 0 ? "" : range.substring(0, colon).strip();
        String end = colon < 0 ? range : range.substring(colon + 1).strip();
        List<RevisionId> from = start.isEmpty() ? List.of() : graph.resolveTargets(start, List.of());
        MigrationPlan plan;
        if (command.direction() == Direction.UPGRADE) {
            plan = graph.upgradePlanTo(from, graph.resolveTargets(end.isEmpty() ? "heads" : end, from));
        } else {
            if (colon < 0 || start.isEmpty()) {
                throw new InvalidTargetException("downgrade --sql needs a range start:end, e.g. head:base or ae10:-1 "
                        + "(there is no database to say where it starts)", List.of(range));
            }
            plan = graph.downgradePlan(from, end.isEmpty() ? "base" : end);
        }
        plan.readOperations();

        SqlDialectKeys.check(plan, dialects.names());
        StringBuilder out = new StringBuilder();
        String verb = command.direction() == Direction.UPGRADE ? "upgrade" : "downgrade";
        out.append("-- Retort offline ").append(verb).append(" script for ").append(dialect.name()).append(": ")
                .append(describe(plan.headsBefore())).append(" -> ").append(describe(plan.headsAfter())).append('\n');
        out.append("-- Generated ").append(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS)).append("; ")
                .append(plan.steps().size()).append(" revision").append(plan.steps().size() == 1 ? "" : "s").append("\n\n");
        if (plan.isEmpty()) {
            out.append("-- Nothing to do.\n");
            return out.toString();
        }
        boolean tx = dialect.capabilities().transactionalDdl();
        if (command.direction() == Direction.UPGRADE && from.isEmpty()) {
            for (String sql : dialect.versionTableSql().create()) {
                out.append(sql).append(";\n");
            }
            out.append('\n');
        }
        SchemaReplay replay = SchemaReplay.at(graph, from);
        for (MigrationStep step : plan.steps()) {
            out.append("-- Running ").append(verb).append(' ').append(step.describe()).append('\n');
            if (tx) {
                out.append("BEGIN;\n");
            }
            List<String> statements;
            try {
                statements = dialect.renderer().renderAll(step.operations(), replay.known());
            } catch (RetortException e) {
                throw blame(step, replay, dialect, e);
            }
            for (String sql : statements) {
                out.append(sql).append(";\n");
            }
            replay = replay.apply(step.revision().id(), step.operations());
            for (VersionChange change : step.versionChanges()) {
                out.append(dialect.versionTableSql().change(change)).append(";\n");
            }
            if (tx) {
                out.append("COMMIT;\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Finds the operation that failed, one at a time, to say which raw SQL made its table unknown. */
    private static RetortException blame(MigrationStep step, SchemaReplay start, ScriptDialect dialect, RetortException cause) {
        SchemaReplay replay = start;
        for (Operation op : step.operations()) {
            try {
                dialect.renderer().render(op, replay.known());
            } catch (RetortException e) {
                RevisionId blamed = op.table() == null ? null : replay.unknownTables().get(op.table());
                String why = blamed == null ? "" : "; table " + op.table() + " was changed by raw sql in revision " + blamed
                        + ", so its definition is unknown offline: in revision " + blamed + ", declare what that sql leaves behind "
                        + "(sql: {all: ..., declares: {tables: [the definition of " + op.table() + "]}}, or dropped: [" + op.table() + "]), "
                        + "replace the raw sql with operations, or run this revision online";
                return new RetortException("offline script, revision " + step.revision().where() + ": " + e.getMessage() + why, e);
            }
            replay = replay.apply(step.revision().id(), List.of(op));
        }
        return new RetortException("offline script, revision " + step.revision().where() + ": " + cause.getMessage(), cause);
    }

    private ScriptDialect dialect(String name) {
        if (name == null || name.isBlank()) {
            return dialects.forUrl(settings.url()).offline(settings);
        }
        for (DialectProvider p : dialects.providers()) {
            if (p.name().equalsIgnoreCase(name.strip())) {
                return p.offline(settings);
            }
        }
        throw new RetortException("--dialect: no dialect named '" + name + "' (available: "
                + String.join(", ", dialects.providers().stream().map(DialectProvider::name).toList()) + ")");
    }

    private static String describe(List<RevisionId> heads) {
        return UpgradeService.describe(heads);
    }
}
