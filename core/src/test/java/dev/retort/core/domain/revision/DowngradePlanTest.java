package dev.retort.core.domain.revision;

import static dev.retort.core.domain.revision.Revs.graph;
import static dev.retort.core.domain.revision.Revs.ids;
import static dev.retort.core.domain.revision.Revs.rev;
import static dev.retort.core.domain.revision.Revs.simulate;
import static dev.retort.core.domain.revision.Revs.stepIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.revision.VersionChange.Delete;
import dev.retort.core.domain.revision.VersionChange.Insert;
import dev.retort.core.domain.revision.VersionChange.Update;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DowngradePlanTest {
    private static RevisionId id(String s) {
        return RevisionId.of(s);
    }

    private static RevisionGraph linear() {
        return graph(rev("a1"), rev("a2").down("a1"), rev("a3").down("a2"));
    }

    private static void assertConsistent(MigrationPlan plan) {
        assertEquals(new HashSet<>(plan.headsAfter()), simulate(plan), "headsAfter vs simulated version table");
        for (MigrationStep s : plan.steps()) {
            assertEquals(Direction.DOWNGRADE, s.direction());
        }
    }

    private static void assertChildrenFirst(RevisionGraph g, MigrationPlan plan) {
        List<String> order = stepIds(plan);
        for (MigrationStep s : plan.steps()) {
            for (RevisionId p : Revs.allDown(g, s.revision().id())) {
                int pi = order.indexOf(p.value());
                assertTrue(pi < 0 || pi > order.indexOf(s.revision().id().value()), s.revision().id() + " reverted before " + p);
            }
        }
    }

    @Test
    void downgrade_to_base_reverts_everything_newest_first() {
        MigrationPlan plan = linear().downgradePlan(ids("a3"), "base");
        assertEquals(List.of("a3", "a2", "a1"), stepIds(plan));
        assertEquals(List.of(new Update(id("a3"), id("a2"))), plan.steps().get(0).versionChanges());
        assertEquals(List.of(new Update(id("a2"), id("a1"))), plan.steps().get(1).versionChanges());
        assertEquals(List.of(new Delete(id("a1"))), plan.steps().get(2).versionChanges());
        assertEquals(List.of(), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void downgrade_to_a_revision_reverts_its_descendants() {
        MigrationPlan plan = linear().downgradePlan(ids("a3"), "a1");
        assertEquals(List.of("a3", "a2"), stepIds(plan));
        assertEquals(ids("a1"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void downgrade_by_relative_step() {
        MigrationPlan plan = linear().downgradePlan(ids("a3"), "-1");
        assertEquals(List.of("a3"), stepIds(plan));
        assertEquals(ids("a2"), plan.headsAfter());
        assertEquals(List.of(), linear().downgradePlan(ids("a3"), "-3").headsAfter());
        assertThrows(InvalidTargetException.class, () -> linear().downgradePlan(ids("a3"), "-4"));
    }

    @Test
    void downgrade_to_the_current_revision_is_empty() {
        assertTrue(linear().downgradePlan(ids("a2"), "a2").isEmpty());
        assertTrue(linear().downgradePlan(List.of(), "base").isEmpty());
    }

    @Test
    void downgrade_to_a_revision_that_is_not_applied_fails() {
        var ex = assertThrows(InvalidTargetException.class, () -> linear().downgradePlan(ids("a1"), "a3"));
        assertTrue(ex.getMessage().contains("a3"), ex.getMessage());
    }

    @Test
    void downgrade_to_heads_or_ambiguous_head_fails() {
        RevisionGraph g = graph(rev("a1"), rev("b1"));
        assertThrows(InvalidTargetException.class, () -> g.downgradePlan(ids("a1", "b1"), "heads"));
        assertThrows(InvalidTargetException.class, () -> g.downgradePlan(ids("a1", "b1"), "head"));
        assertThrows(MultipleHeadsException.class, () -> g.downgradePlan(ids("a1", "b1"), "-1"));
    }

    @Test
    void downgrading_a_merge_unmerges_into_its_parents() {
        RevisionGraph g = graph(rev("r0"), rev("x1").down("r0"), rev("y1").down("r0"), rev("mm").down("x1", "y1"), rev("top").down("mm"));
        MigrationPlan plan = g.downgradePlan(ids("top"), "x1");
        assertEquals(List.of("top", "mm"), stepIds(plan));
        assertEquals(List.of(new Update(id("top"), id("mm"))), plan.steps().get(0).versionChanges());
        assertEquals(List.of(new Insert(id("x1")), new Update(id("mm"), id("y1"))), plan.steps().get(1).versionChanges());
        assertEquals(Set.of(id("x1"), id("y1")), new HashSet<>(plan.headsAfter()));
        assertConsistent(plan);
    }

    @Test
    void downgrading_a_branch_whose_parent_is_still_needed_deletes_its_row() {
        // a -- b -- c ; b -- d
        RevisionGraph g = graph(rev("a"), rev("b").down("a"), rev("c").down("b"), rev("d").down("b"));
        MigrationPlan plan = g.downgradePlan(ids("c", "d"), "d-1");
        // d-1 = b: revert c and d; the first one reverted leaves b implied by the other.
        assertEquals(Set.of("c", "d"), Set.copyOf(stepIds(plan)));
        assertEquals(List.of(new Delete(id(stepIds(plan).get(0)))), plan.steps().get(0).versionChanges());
        assertEquals(List.of(new Update(id(stepIds(plan).get(1)), id("b"))), plan.steps().get(1).versionChanges());
        assertEquals(ids("b"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void downgrade_to_base_with_several_branches_reverts_all() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "b"), rev("e", "d"), rev("f", "d"),
                rev("m", "c", "e"), rev("n", "m"));
        MigrationPlan plan = g.downgradePlan(ids("f", "n"), "base");
        assertEquals(8, plan.steps().size());
        assertEquals(List.of(), plan.headsAfter());
        assertChildrenFirst(g, plan);
        assertConsistent(plan);
    }

    @Test
    void downgrade_to_a_branch_point_reverts_both_branches_and_the_merge() {
        RevisionGraph g = graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "b"), rev("e", "d"), rev("f", "d"),
                rev("m", "c", "e"), rev("n", "m"));
        MigrationPlan plan = g.downgradePlan(ids("f", "n"), "d");
        assertEquals(Set.of("e", "f", "m", "n"), Set.copyOf(stepIds(plan)));
        assertEquals(Set.of(id("c"), id("d")), new HashSet<>(plan.headsAfter()));
        assertChildrenFirst(g, plan);
        assertConsistent(plan);
    }

    @Test
    void downgrade_label_at_base_reverts_only_that_branch() {
        RevisionGraph g = graph(rev("a1"), rev("a2").down("a1"), rev("n1").labels("net"), rev("n2").down("n1"));
        MigrationPlan plan = g.downgradePlan(ids("a2", "n2"), "net@base");
        assertEquals(List.of("n2", "n1"), stepIds(plan));
        assertEquals(ids("a2"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void downgrade_label_at_base_on_a_shared_trunk_keeps_the_trunk() {
        // ae1 -- ae2 -- core1(core) -- core2 ; ae2 -- net1(net) -- net2
        RevisionGraph g = graph(rev("ae1"), rev("ae2").down("ae1"), rev("core1").down("ae2").labels("core"), rev("core2").down("core1"),
                rev("net1").down("ae2").labels("net"), rev("net2").down("net1"));
        MigrationPlan plan = g.downgradePlan(ids("core2", "net2"), "net@base");
        assertEquals(List.of("net2", "net1"), stepIds(plan));
        assertEquals(List.of(new Delete(id("net1"))), plan.steps().get(1).versionChanges());
        assertEquals(ids("core2"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void downgrade_label_at_base_also_reverts_revisions_depending_on_the_branch() {
        // a1(A) -- a2 ; b1 (depends on a1) -- b2
        RevisionGraph g = graph(rev("a1").labels("A"), rev("a2").down("a1"), rev("b1").dependsOn("a1"), rev("b2").down("b1"));
        MigrationPlan up = g.upgradePlan(List.of(), "heads");
        assertEquals(Set.of(id("a2"), id("b2")), new HashSet<>(up.headsAfter()));
        MigrationPlan plan = g.downgradePlan(up.headsAfter(), "A@base");
        assertEquals(Set.of("a1", "a2", "b1", "b2"), Set.copyOf(stepIds(plan)));
        assertEquals(List.of(), plan.headsAfter());
        assertChildrenFirst(g, plan);
        assertConsistent(plan);
    }

    @Test
    void downgrade_label_relative_from_a_shared_trunk_stays_on_the_branch() {
        RevisionGraph g = graph(rev("ae1"), rev("ae2").down("ae1"), rev("core1").down("ae2").labels("core"), rev("core2").down("core1"),
                rev("net1").down("ae2").labels("net"), rev("net2").down("net1"));
        MigrationPlan one = g.downgradePlan(ids("core2", "net2"), "net@-1");
        assertEquals(List.of("net2"), stepIds(one));
        assertEquals(Set.of(id("core2"), id("net1")), new HashSet<>(one.headsAfter()));
        MigrationPlan two = g.downgradePlan(ids("core2", "net2"), "net@-2");
        assertEquals(List.of("net2", "net1"), stepIds(two));
        assertEquals(ids("core2"), two.headsAfter());
        assertConsistent(one);
        assertConsistent(two);
    }

    @Test
    void downgrade_label_relative_below_the_branch_base_is_label_at_base() {
        RevisionGraph g = graph(rev("a1"), rev("a2").down("a1"), rev("n1").labels("net"), rev("n2").down("n1"));
        MigrationPlan plan = g.downgradePlan(ids("a2", "n2"), "net@-2");
        assertEquals(List.of("n2", "n1"), stepIds(plan));
        assertEquals(ids("a2"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void downgrade_through_depends_on_reverts_dependents_first() {
        // a1 -- a2 ; b1 -- b2 (depends on a2)
        RevisionGraph g = graph(rev("a1"), rev("a2").down("a1"), rev("b1"), rev("b2").down("b1").dependsOn("a2"));
        MigrationPlan plan = g.downgradePlan(ids("b2"), "a1");
        assertEquals(List.of("b2", "a2"), stepIds(plan));
        // b2 goes back to its own parent b1, and a2 becomes a row again so that it can be reverted.
        assertEquals(List.of(new Insert(id("b1")), new Update(id("b2"), id("a2"))), plan.steps().get(0).versionChanges());
        assertEquals(List.of(new Update(id("a2"), id("a1"))), plan.steps().get(1).versionChanges());
        assertEquals(Set.of(id("a1"), id("b1")), new HashSet<>(plan.headsAfter()));
        assertConsistent(plan);
    }

    @Test
    void downgrade_of_a_base_that_depends_on_another_branch_hands_the_row_back() {
        // a1 ; b1 is a base that depends on a1
        RevisionGraph g = graph(rev("a1"), rev("b1").dependsOn("a1"));
        MigrationPlan up = g.upgradePlan(List.of(), "b1");
        assertEquals(ids("b1"), up.headsAfter());
        MigrationPlan plan = g.downgradePlan(ids("b1"), "a1");
        assertEquals(List.of(new Update(id("b1"), id("a1"))), plan.steps().get(0).versionChanges());
        assertEquals(ids("a1"), plan.headsAfter());
        assertConsistent(plan);
    }
}
