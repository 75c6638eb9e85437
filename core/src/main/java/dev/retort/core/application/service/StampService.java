package dev.retort.core.application.service;

import dev.retort.core.application.port.in.StampCommand;
import dev.retort.core.application.port.in.StampUseCase;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.application.port.out.VersionStore;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.revision.VersionChange;
import java.util.ArrayList;
import java.util.List;

public final class StampService implements StampUseCase {
    private final ScriptRepository scripts;
    private final DatabaseConnector connector;

    private final Reporter reporter;

    public StampService(ScriptRepository scripts, DatabaseConnector connector, Reporter reporter) {
        this.scripts = scripts;
        this.connector = connector;
        this.reporter = reporter;
    }

    @Override
    public StampResult stamp(StampCommand command) {
        RevisionGraph graph = RevisionGraph.of(scripts.loadAll());
        if (!connector.exists()) {
            graph.stampHeads(List.of(), command.target());   // a bad target fails before the database is created
        }
        return Locked.run(connector, reporter, dialect -> {
            VersionStore versions = dialect.versionStore();
            List<RevisionId> before = versions.heads();
            if (!command.purge()) {
                graph.checkKnown(before, connector.versionTable());
            }
            List<RevisionId> start = command.purge() ? List.of() : before;
            List<RevisionId> after = graph.stampHeads(start, command.target());
            List<VersionChange> changes = new ArrayList<>();
            for (RevisionId id : start) {
                if (!after.contains(id)) {
                    changes.add(new VersionChange.Delete(id));
                }
            }
            for (RevisionId id : after) {
                if (!start.contains(id)) {
                    changes.add(new VersionChange.Insert(id));
                }
            }
            if (!versions.exists()) {
                versions.create();
            }
            dialect.begin();
            try {
                if (command.purge()) {
                    versions.clear();
                }
                for (VersionChange c : changes) {
                    versions.apply(c);
                }
                dialect.commit();
            } catch (RuntimeException e) {
                dialect.rollback();
                throw e;
            }
            return new StampResult(before, after);
        });
    }
}
