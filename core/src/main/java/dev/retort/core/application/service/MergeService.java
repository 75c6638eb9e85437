package dev.retort.core.application.service;

import dev.retort.core.application.port.in.CreateRevisionResult;
import dev.retort.core.application.port.in.MergeCommand;
import dev.retort.core.application.port.in.MergeUseCase;
import dev.retort.core.application.port.out.IdGenerator;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionGraphException;
import dev.retort.core.domain.revision.RevisionId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** {@code retort merge}: a revision whose down revisions are the given ones (default: all heads). */
public final class MergeService implements MergeUseCase {
    private final ScriptRepository scripts;
    private final IdGenerator ids;
    private final Clock clock;

    public MergeService(ScriptRepository scripts, IdGenerator ids, Clock clock) {
        this.scripts = scripts;
        this.ids = ids;
        this.clock = clock;
    }

    @Override
    public CreateRevisionResult merge(MergeCommand command) {
        List<Revision> existing = scripts.loadAll();
        RevisionGraph graph = RevisionGraph.of(existing);
        LinkedHashSet<RevisionId> parents = new LinkedHashSet<>();
        for (String ref : command.revisions()) {
            parents.addAll(graph.resolveTargets(ref, List.of()));
        }
        if (parents.size() < 2) {
            throw new RevisionGraphException("nothing to merge: " + String.join(" ", command.revisions()) + " names "
                    + parents.size() + " revision" + (parents.size() == 1 ? "" : "s") + "; merge needs at least two (there "
                    + (graph.heads().size() == 1 ? "is 1 head" : "are " + graph.heads().size() + " heads") + ")");
        }
        RevisionId id;
        if (command.revId() != null && !command.revId().isBlank()) {
            try {
                id = RevisionId.of(command.revId());
            } catch (IllegalArgumentException e) {
                throw new RetortException("--rev-id: " + e.getMessage());
            }
        } else {
            id = ids.next();
            while (graph.contains(id)) {
                id = ids.next();
            }
        }
        Revision merge = new Revision(id, new ArrayList<>(parents),
                command.branchLabel() == null || command.branchLabel().isBlank() ? List.of() : List.of(command.branchLabel()),
                List.of(), command.message(), Instant.now(clock).truncatedTo(ChronoUnit.SECONDS), List.of(), List.of(), null);
        List<Revision> all = new ArrayList<>(existing);
        all.add(merge);
        RevisionGraph.of(all);
        return new CreateRevisionResult(merge, scripts.write(merge), List.of());
    }
}
