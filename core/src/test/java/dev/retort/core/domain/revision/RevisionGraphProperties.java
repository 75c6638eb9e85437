package dev.retort.core.domain.revision;

import static dev.retort.core.domain.revision.Revs.allDown;
import static dev.retort.core.domain.revision.Revs.ancestors;
import static dev.retort.core.domain.revision.Revs.isStrictAncestor;
import static dev.retort.core.domain.revision.Revs.simulate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;

/** Invariants of plans over random revision DAGs: chains, branches, merges, depends_on edges and labels. */
class RevisionGraphProperties {

    /**
     * One revision, described by small numbers so that shrinking moves toward simple graphs: kind 0 is a
     * plain child, dep 0 no dependency, label 0 no label.
     *
     * @param kind 0-5 child of one earlier revision, 6-7 merge of two, 8 merge of three, 9 a new base
     */
    record NodeSpec(int kind, int p1, int p2, int p3, int dep, int depTarget, int label) {
    }

    /** A generated graph; {@code toString} is the revision list, readable in a failure report. */
    record GraphCase(List<Revision> revisions, RevisionGraph graph) {
        static GraphCase build(List<NodeSpec> specs) {
            List<Revision> out = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                NodeSpec s = specs.get(i);
                LinkedHashSet<RevisionId> down = new LinkedHashSet<>();
                if (i > 0 && s.kind() != 9) {
                    down.add(back(out, i, s.p1()).id());
                    if (s.kind() >= 6) {
                        down.add(back(out, i, s.p2()).id());
                    }
                    if (s.kind() == 8) {
                        down.add(back(out, i, s.p3()).id());
                    }
                }
                List<String> deps = new ArrayList<>();
                if (i > 0 && s.dep() >= 4) {
                    Revision target = back(out, i, s.depTarget());
                    deps.add(s.dep() == 5 && !target.branchLabels().isEmpty() ? target.branchLabels().get(0) : target.id().value());
                }
                List<String> labels = s.label() == 6 ? List.of("L" + i) : List.of();
                out.add(new Revision(RevisionId.of("r" + i), List.copyOf(down), labels, deps, "", null, List.of(), List.of(), "r" + i + ".yaml"));
            }
            return new GraphCase(out, RevisionGraph.of(out));
        }

        /** Counts back from revision i, so that 0 (where shrinking heads) is the revision just before. */
        private static Revision back(List<Revision> out, int i, int distance) {
            return out.get(i - 1 - distance % i);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder();
            for (Revision r : revisions) {
                sb.append("\n  ").append(r.id()).append(" down=").append(r.downRevisions());
                if (!r.dependsOn().isEmpty()) {
                    sb.append(" depends_on=").append(r.dependsOn());
                }
                if (!r.branchLabels().isEmpty()) {
                    sb.append(" labels=").append(r.branchLabels());
                }
            }
            return sb.toString();
        }

        RevisionId pick(int n) {
            return revisions.get(n % revisions.size()).id();
        }

        List<RevisionId> pickAll(List<Integer> ns) {
            LinkedHashSet<RevisionId> out = new LinkedHashSet<>();
            for (int n : ns) {
                out.add(pick(n));
            }
            return List.copyOf(out);
        }

        /** A state the database can be in: the heads after upgrading from base to some targets. */
        List<RevisionId> reachableState(List<Integer> ns) {
            return graph.upgradePlanTo(List.of(), pickAll(ns)).headsAfter();
        }
    }

    @Provide
    Arbitrary<GraphCase> graphs() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 1000);
        Arbitrary<NodeSpec> node = Combinators.combine(Arbitraries.integers().between(0, 9), any, any, any,
                Arbitraries.integers().between(0, 5), any, Arbitraries.integers().between(0, 6)).as(NodeSpec::new);
        return node.list().ofMinSize(1).ofMaxSize(60).withSizeDistribution(RandomDistribution.uniform()).map(GraphCase::build);
    }

    @Provide
    Arbitrary<List<Integer>> picks() {
        return Arbitraries.integers().between(0, 1000).list().ofMaxSize(4);
    }

    // ---------------------------------------------------------------- checks

    private static void assertAntichain(RevisionGraph g, Collection<RevisionId> heads) {
        assertEquals(heads.size(), new HashSet<>(heads).size(), "duplicate heads " + heads);
        for (RevisionId a : heads) {
            for (RevisionId b : heads) {
                assertFalse(isStrictAncestor(g, a, b), a + " is an ancestor of " + b + " but both are heads " + heads);
            }
        }
    }

    /** Each step once, after everything it needs; returns the applied set afterwards. */
    private static Set<RevisionId> assertUpgradeOrder(RevisionGraph g, List<RevisionId> start, MigrationPlan plan) {
        Set<RevisionId> applied = new HashSet<>(ancestors(g, start));
        for (MigrationStep s : plan.steps()) {
            RevisionId id = s.revision().id();
            assertEquals(Direction.UPGRADE, s.direction());
            assertFalse(applied.contains(id), id + " applied twice or already applied");
            for (RevisionId p : allDown(g, id)) {
                assertTrue(applied.contains(p), id + " applied before " + p);
            }
            applied.add(id);
        }
        return applied;
    }

    /** Each step once, an applied revision, only after everything that needs it; returns what is left applied. */
    private static Set<RevisionId> assertDowngradeOrder(RevisionGraph g, List<RevisionId> start, MigrationPlan plan) {
        Set<RevisionId> applied = new HashSet<>(ancestors(g, start));
        for (MigrationStep s : plan.steps()) {
            RevisionId id = s.revision().id();
            assertEquals(Direction.DOWNGRADE, s.direction());
            assertTrue(applied.remove(id), id + " reverted but not applied");
            for (RevisionId other : applied) {
                assertFalse(allDown(g, other).contains(id), id + " reverted while " + other + " still needs it");
            }
        }
        return applied;
    }

    private static Set<RevisionId> maximal(RevisionGraph g, Collection<RevisionId> ids) {
        Set<RevisionId> out = new HashSet<>();
        for (RevisionId a : ids) {
            if (ids.stream().noneMatch(b -> isStrictAncestor(g, a, b))) {
                out.add(a);
            }
        }
        return out;
    }

    // ------------------------------------------------------------ properties

    @Property(tries = 200)
    void upgrade_to_heads_from_any_state_applies_each_revision_once_after_its_parents(
            @ForAll("graphs") GraphCase gc, @ForAll("picks") List<Integer> start) {
        RevisionGraph g = gc.graph();
        List<RevisionId> current = gc.reachableState(start);
        MigrationPlan plan = g.upgradePlan(current, "heads");
        Set<RevisionId> applied = assertUpgradeOrder(g, current, plan);
        assertEquals(g.size(), applied.size(), "everything applied");
        Set<RevisionId> expected = new HashSet<>();
        for (RevisionId h : g.heads()) {
            if (g.heads().stream().noneMatch(o -> isStrictAncestor(g, h, o))) {
                expected.add(h);
            }
        }
        assertEquals(expected, new HashSet<>(plan.headsAfter()));
        assertEquals(current, plan.headsBefore());
    }

    @Property(tries = 200)
    void upgrade_to_heads_then_downgrade_to_base_reverts_exactly_what_was_applied(@ForAll("graphs") GraphCase gc) {
        RevisionGraph g = gc.graph();
        MigrationPlan up = g.upgradePlan(List.of(), "heads");
        Set<RevisionId> applied = assertUpgradeOrder(g, List.of(), up);
        MigrationPlan down = g.downgradePlan(up.headsAfter(), "base");
        assertEquals(applied.size(), down.steps().size());
        assertEquals(applied, new HashSet<>(down.steps().stream().map(s -> s.revision().id()).toList()));
        assertEquals(Set.of(), assertDowngradeOrder(g, up.headsAfter(), down));
        assertEquals(List.of(), down.headsAfter());
        assertEquals(Set.of(), simulate(down));
    }

    @Property(tries = 200)
    void upgrade_then_downgrade_to_the_start_heads_restores_them(
            @ForAll("graphs") GraphCase gc, @ForAll("picks") List<Integer> start, @ForAll int choice) {
        RevisionGraph g = gc.graph();
        List<RevisionId> current = gc.reachableState(start);
        Set<RevisionId> before = ancestors(g, current);
        Set<RevisionId> above = descendants(g, current);
        List<RevisionId> candidates = new ArrayList<>();
        for (Revision r : gc.revisions()) {
            Set<RevisionId> needed = ancestors(g, List.of(r.id()));
            needed.removeAll(before);
            if (current.isEmpty() || above.containsAll(needed)) {
                candidates.add(r.id());
            }
        }
        RevisionId target = candidates.get(Math.floorMod(choice, candidates.size()));
        MigrationPlan up = g.upgradePlanTo(current, List.of(target));
        List<RevisionId> heads = up.headsAfter();
        if (current.isEmpty()) {
            heads = g.downgradePlan(heads, "base").headsAfter();
        }
        for (RevisionId s : current) {
            MigrationPlan down = g.downgradePlan(heads, s.value());
            assertDowngradeOrder(g, heads, down);
            assertEquals(new HashSet<>(down.headsAfter()), simulate(down));
            heads = down.headsAfter();
        }
        assertEquals(new HashSet<>(current), new HashSet<>(heads));
    }

    @Property(tries = 200)
    void version_changes_replay_cleanly_and_end_at_heads_after(
            @ForAll("graphs") GraphCase gc, @ForAll("picks") List<Integer> start, @ForAll("picks") List<Integer> to,
            @ForAll @IntRange(min = 0, max = 2) int downKind, @ForAll int downChoice) {
        RevisionGraph g = gc.graph();
        List<RevisionId> current = gc.reachableState(start);
        MigrationPlan up = g.upgradePlanTo(current, gc.pickAll(to));
        assertEquals(new HashSet<>(up.headsAfter()), simulate(up));
        assertUpgradeOrder(g, current, up);

        List<RevisionId> after = up.headsAfter();
        List<String> downTargets = new ArrayList<>();
        if (downKind == 1) {
            ancestors(g, after).forEach(id -> downTargets.add(id.value()));
        } else if (downKind == 2) {
            gc.revisions().forEach(r -> r.branchLabels().forEach(l -> downTargets.add(l + "@base")));
        }
        if (downTargets.isEmpty()) {
            downTargets.add("base");
        }
        String downTarget = downTargets.get(Math.floorMod(downChoice, downTargets.size()));
        MigrationPlan down = g.downgradePlan(after, downTarget);
        assertEquals(new HashSet<>(down.headsAfter()), simulate(down), "downgrade to " + downTarget);
        Set<RevisionId> left = assertDowngradeOrder(g, after, down);
        assertEquals(maximal(g, left), new HashSet<>(down.headsAfter()), "heads after downgrade to " + downTarget);
        assertAntichain(g, down.headsAfter());
    }

    @Property(tries = 200)
    void heads_after_any_upgrade_never_contain_an_ancestor_of_another_head(
            @ForAll("graphs") GraphCase gc, @ForAll("picks") List<Integer> start, @ForAll("picks") List<Integer> to) {
        RevisionGraph g = gc.graph();
        List<RevisionId> current = gc.reachableState(start);
        assertAntichain(g, current);
        MigrationPlan up = g.upgradePlanTo(current, gc.pickAll(to));
        assertAntichain(g, up.headsAfter());
        Set<RevisionId> applied = assertUpgradeOrder(g, current, up);
        assertEquals(maximal(g, applied), new HashSet<>(up.headsAfter()));
    }

    @Property(tries = 100)
    void history_lists_every_revision_once_newest_first(@ForAll("graphs") GraphCase gc) {
        RevisionGraph g = gc.graph();
        List<RevisionId> order = g.history(null, List.of()).stream().map(Revision::id).toList();
        assertEquals(g.size(), order.size());
        assertEquals(g.size(), new HashSet<>(order).size());
        for (RevisionId id : order) {
            for (RevisionId p : allDown(g, id)) {
                assertTrue(order.indexOf(p) > order.indexOf(id), p + " listed before its descendant " + id);
            }
        }
    }

    @Property(tries = 100)
    void labels_cover_every_descendant_of_the_declaring_revision(@ForAll("graphs") GraphCase gc) {
        RevisionGraph g = gc.graph();
        for (Revision r : gc.revisions()) {
            for (String label : r.branchLabels()) {
                List<RevisionId> todo = new ArrayList<>(List.of(r.id()));
                while (!todo.isEmpty()) {
                    RevisionId id = todo.remove(todo.size() - 1);
                    assertTrue(g.labels(id).contains(label), id + " lacks " + label);
                    todo.addAll(g.children(id));
                }
                assertEquals(r.id(), g.resolve(label).id());
            }
        }
    }

    /** The ids and everything above them via down revisions and dependencies, inclusive. */
    private static Set<RevisionId> descendants(RevisionGraph g, Collection<RevisionId> ids) {
        Set<RevisionId> seen = new HashSet<>();
        List<RevisionId> todo = new ArrayList<>(ids);
        while (!todo.isEmpty()) {
            RevisionId id = todo.remove(todo.size() - 1);
            if (seen.add(id)) {
                todo.addAll(g.children(id));
                todo.addAll(g.dependents(id));
            }
        }
        return seen;
    }
}
