package dev.retort.core.domain.revision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Test helpers: build revisions and graphs tersely, and compute ancestry independently of {@link RevisionGraph}. */
final class Revs {
    private Revs() {
    }

    static Builder rev(String id) {
        return new Builder(id);
    }

    static Revision rev(String id, String... down) {
        return new Builder(id).down(down).build();
    }

    /** Each item is a {@link Revision} or a {@link Builder}. */
    static RevisionGraph graph(Object... items) {
        return RevisionGraph.of(Arrays.stream(items).map(o -> o instanceof Builder b ? b.build() : (Revision) o).toList());
    }

    static List<RevisionId> ids(String... ids) {
        return Arrays.stream(ids).map(RevisionId::of).toList();
    }

    static Set<RevisionId> idSet(String... ids) {
        return new HashSet<>(ids(ids));
    }

    static List<String> values(Collection<RevisionId> ids) {
        return ids.stream().map(RevisionId::value).toList();
    }

    static List<String> stepIds(MigrationPlan plan) {
        return plan.steps().stream().map(s -> s.revision().id().value()).toList();
    }

    /** Down revisions plus resolved dependencies: the edges that order work. */
    static List<RevisionId> allDown(RevisionGraph g, RevisionId id) {
        List<RevisionId> out = new ArrayList<>(g.get(id).downRevisions());
        out.addAll(g.dependencies(id));
        return out;
    }

    /** The ids and all their ancestors (down revisions and dependencies), inclusive. */
    static Set<RevisionId> ancestors(RevisionGraph g, Collection<RevisionId> ids) {
        Set<RevisionId> seen = new LinkedHashSet<>();
        List<RevisionId> todo = new ArrayList<>(ids);
        while (!todo.isEmpty()) {
            RevisionId id = todo.remove(todo.size() - 1);
            if (seen.add(id)) {
                todo.addAll(allDown(g, id));
            }
        }
        return seen;
    }

    static boolean isStrictAncestor(RevisionGraph g, RevisionId ancestor, RevisionId of) {
        return !ancestor.equals(of) && ancestors(g, List.of(of)).contains(ancestor);
    }

    /** Applies a step's version-table changes, checking each row change's precondition. */
    static void applyChanges(Set<RevisionId> table, MigrationStep step) {
        for (VersionChange c : step.versionChanges()) {
            if (c instanceof VersionChange.Insert ins) {
                if (!table.add(ins.id())) {
                    throw new AssertionError("insert of " + ins.id() + " which is already a row; table " + table + " at " + step.describe());
                }
            } else if (c instanceof VersionChange.Delete del) {
                if (!table.remove(del.id())) {
                    throw new AssertionError("delete of " + del.id() + " which is not a row; table " + table + " at " + step.describe());
                }
            } else {
                VersionChange.Update up = (VersionChange.Update) c;
                if (!table.contains(up.from()) || table.contains(up.to())) {
                    throw new AssertionError("update " + up.from() + " -> " + up.to() + " on table " + table + " at " + step.describe());
                }
                table.remove(up.from());
                table.add(up.to());
            }
        }
    }

    /** Simulates the whole plan on its headsBefore. */
    static Set<RevisionId> simulate(MigrationPlan plan) {
        Set<RevisionId> table = new HashSet<>(plan.headsBefore());
        for (MigrationStep s : plan.steps()) {
            applyChanges(table, s);
        }
        return table;
    }

    static final class Builder {
        private final String id;
        private final List<RevisionId> down = new ArrayList<>();
        private final List<String> labels = new ArrayList<>();
        private final List<String> deps = new ArrayList<>();
        private String source;

        Builder(String id) {
            this.id = id;
            this.source = "versions/" + id + "_x.yaml";
        }

        Builder down(String... ids) {
            for (String d : ids) {
                down.add(RevisionId.of(d));
            }
            return this;
        }

        Builder labels(String... l) {
            labels.addAll(List.of(l));
            return this;
        }

        Builder dependsOn(String... d) {
            deps.addAll(List.of(d));
            return this;
        }

        Builder source(String s) {
            source = s;
            return this;
        }

        Revision build() {
            return new Revision(RevisionId.of(id), down, labels, deps, "msg " + id, null, List.of(), List.of(), source);
        }
    }
}
