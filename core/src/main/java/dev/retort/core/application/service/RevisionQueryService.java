package dev.retort.core.application.service;

import dev.retort.core.application.port.in.CurrentQuery;
import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.application.port.in.RevisionQueries;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.revision.SchemaReplay;
import java.util.ArrayList;
import java.util.List;

/** heads, history, branches, show and current. Only {@code current} (or a range naming it) connects. */
public final class RevisionQueryService implements RevisionQueries, CurrentQuery {
    private final ScriptRepository scripts;
    private final DatabaseConnector connector;
    private RevisionGraph graph;

    public RevisionQueryService(ScriptRepository scripts, DatabaseConnector connector) {
        this.scripts = scripts;
        this.connector = connector;
    }

    private RevisionGraph graph() {
        if (graph == null) {
            graph = RevisionGraph.of(scripts.loadAll());
        }
        return graph;
    }

    private RevisionInfo info(RevisionId id) {
        RevisionGraph g = graph();
        return new RevisionInfo(g.get(id), g.labels(id), g.isHead(id), g.isBranchPoint(id), g.isMergePoint(id), g.children(id),
                g.dependencies(id));
    }

    private List<RevisionInfo> infos(List<RevisionId> ids) {
        List<RevisionInfo> out = new ArrayList<>(ids.size());
        for (RevisionId id : ids) {
            out.add(info(id));
        }
        return out;
    }

    private List<RevisionId> databaseHeads() {
        if (!connector.exists()) {
            return List.of();   // a new database is at base; reading it would create it
        }
        try (Dialect dialect = connector.connect()) {
            List<RevisionId> heads = dialect.versionStore().heads();
            graph().checkKnown(heads, connector.versionTable());
            return heads;
        }
    }

    @Override
    public List<RevisionInfo> heads() {
        return infos(graph().heads());
    }

    @Override
    public List<RevisionInfo> history(String range) {
        List<RevisionId> current = range != null && range.contains("current") ? databaseHeads() : List.of();
        List<Revision> revs = graph().history(range, current);
        return infos(revs.stream().map(Revision::id).toList());
    }

    @Override
    public List<RevisionInfo> branches() {
        return infos(graph().branchPoints());
    }

    @Override
    public List<RevisionInfo> show(String reference) {
        List<RevisionId> current = reference.contains("current") || reference.matches("[+-]\\d+") ? databaseHeads() : List.of();
        return infos(graph().resolveTargets(reference, current));
    }

    @Override
    public SchemaAt schemaAt(String reference) {
        List<RevisionId> current = reference.contains("current") || reference.matches("[+-]\\d+") ? databaseHeads() : List.of();
        List<RevisionId> targets = graph().resolveTargets(reference, current);
        SchemaReplay replay = SchemaReplay.at(graph(), targets);
        return new SchemaAt(targets, replay.schema(), replay.unknownTables());
    }

    @Override
    public List<RevisionInfo> current() {
        return infos(databaseHeads());
    }
}
