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

class UpgradePlanTest {
    private static RevisionId id(String s) {
        return RevisionId.of(s);
    }

    private static RevisionGraph linear() {
        return graph(rev("a1"), rev("a2").down("a1"), rev("a3").down("a2"));
    }

    /** a -- b -- c ----- m -- n ; b -- d -- e -> m ; d -- f. */
    private static RevisionGraph branchy() {
        return graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "b"), rev("e", "d"), rev("f", "d"),
                rev("m", "c", "e"), rev("n", "m"));
    }

    private static void assertConsistent(MigrationPlan plan) {
        assertEquals(new HashSet<>(plan.headsAfter()), simulate(plan), "headsAfter vs simulated version table");
        assertEquals(plan.headsAfter().size(), new HashSet<>(plan.headsAfter()).size(), "duplicate heads");
    }

    @Test
    void upgrade_to_head_applies_pending_revisions_in_order() {
        MigrationPlan plan = linear().upgradePlan(List.of(), "head");
        assertEquals(List.of("a1", "a2", "a3"), stepIds(plan));
        assertEquals(List.of(Direction.UPGRADE), plan.steps().stream().map(MigrationStep::direction).distinct().toList());
        assertEquals(List.of(new Insert(id("a1"))), plan.steps().get(0).versionChanges());
        assertEquals(List.of(new Update(id("a1"), id("a2"))), plan.steps().get(1).versionChanges());
        assertEquals(List.of(new Update(id("a2"), id("a3"))), plan.steps().get(2).versionChanges());
        assertEquals(List.of(), plan.headsBefore());
        assertEquals(ids("a3"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void upgrade_from_a_revision_applies_only_what_is_missing() {
        MigrationPlan plan = linear().upgradePlan(ids("a1"), "head");
        assertEquals(List.of("a2", "a3"), stepIds(plan));
        assertEquals(ids("a3"), plan.headsAfter());
    }

    @Test
    void upgrade_at_head_is_empty() {
        MigrationPlan plan = linear().upgradePlan(ids("a3"), "head");
        assertTrue(plan.isEmpty());
        assertEquals(ids("a3"), plan.headsAfter());
    }

    @Test
    void upgrade_to_an_applied_ancestor_is_empty() {
        assertTrue(linear().upgradePlan(ids("a3"), "a1").isEmpty());
        assertTrue(linear().upgradePlan(ids("a3"), "base").isEmpty());
    }

    @Test
    void upgrade_by_relative_step() {
        MigrationPlan plan = linear().upgradePlan(ids("a1"), "+1");
        assertEquals(List.of("a2"), stepIds(plan));
        assertEquals(List.of("a1"), stepIds(linear().upgradePlan(List.of(), "+1")));
    }

    @Test
    void upgrade_to_head_with_several_heads_fails() {
        assertThrows(MultipleHeadsException.class, () -> branchy().upgradePlan(List.of(), "head"));
    }

    @Test
    void upgrade_to_unknown_target_fails() {
        assertThrows(UnknownRevisionException.class, () -> linear().upgradePlan(List.of(), "zz"));
    }

    @Test
    void upgrade_to_heads_applies_each_revision_once_parents_first() {
        RevisionGraph g = branchy();
        MigrationPlan plan = g.upgradePlan(List.of(), "heads");
        List<String> order = stepIds(plan);
        assertEquals(8, order.size());
        assertEquals(8, new HashSet<>(order).size());
        for (MigrationStep s : plan.steps()) {
            for (RevisionId p : s.revision().downRevisions()) {
                assertTrue(order.indexOf(p.value()) < order.indexOf(s.revision().id().value()), p + " before " + s.revision().id());
            }
        }
        assertEquals(Set.of(id("f"), id("n")), new HashSet<>(plan.headsAfter()));
        assertConsistent(plan);
    }

    @Test
    void upgrade_onto_a_new_branch_inserts_a_row() {
        MigrationPlan plan = branchy().upgradePlan(ids("c"), "f");
        assertEquals(List.of("d", "f"), stepIds(plan));
        assertEquals(List.of(new Insert(id("d"))), plan.steps().get(0).versionChanges());
        assertEquals(List.of(new Update(id("d"), id("f"))), plan.steps().get(1).versionChanges());
        assertEquals(ids("c", "f"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void merge_deletes_all_parent_rows_but_the_last_and_updates_the_last() {
        RevisionGraph g = graph(rev("r0"), rev("x1").down("r0"), rev("y1").down("r0"), rev("mm").down("x1", "y1"));
        MigrationPlan plan = g.upgradePlan(ids("x1", "y1"), "mm");
        assertEquals(List.of("mm"), stepIds(plan));
        assertEquals(List.of(new Delete(id("x1")), new Update(id("y1"), id("mm"))), plan.steps().get(0).versionChanges());
        assertEquals(ids("mm"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void merge_with_one_parent_missing_applies_that_branch_first() {
        RevisionGraph g = graph(rev("r0"), rev("x1").down("r0"), rev("y1").down("r0"), rev("mm").down("x1", "y1"));
        MigrationPlan plan = g.upgradePlan(ids("x1"), "mm");
        assertEquals(List.of("y1", "mm"), stepIds(plan));
        assertEquals(List.of(new Insert(id("y1"))), plan.steps().get(0).versionChanges());
        assertEquals(ids("mm"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void merge_of_three_parents() {
        RevisionGraph g = graph(rev("r0"), rev("x1").down("r0"), rev("y1").down("r0"), rev("z1").down("r0"),
                rev("mm").down("x1", "y1", "z1"));
        MigrationPlan plan = g.upgradePlan(ids("x1", "y1", "z1"), "mm");
        assertEquals(List.of(new Delete(id("x1")), new Delete(id("y1")), new Update(id("z1"), id("mm"))),
                plan.steps().get(0).versionChanges());
        assertConsistent(plan);
    }

    @Test
    void merge_from_base_applies_both_branches_then_the_merge() {
        RevisionGraph g = graph(rev("r0"), rev("x1").down("r0"), rev("y1").down("r0"), rev("mm").down("x1", "y1"));
        MigrationPlan plan = g.upgradePlan(List.of(), "head");
        List<String> order = stepIds(plan);
        assertEquals("r0", order.get(0));
        assertEquals("mm", order.get(3));
        assertEquals(ids("mm"), plan.headsAfter());
        assertConsistent(plan);
    }

    /** Branch a: a1 -- a2. Branch b: b1 -- b2, where b2 depends_on a2. */
    private static RevisionGraph dependent() {
        return graph(rev("a1"), rev("a2").down("a1"), rev("b1"), rev("b2").down("b1").dependsOn("a2"));
    }

    @Test
    void depends_on_pulls_in_the_dependency_first() {
        MigrationPlan plan = dependent().upgradePlan(List.of(), "b2");
        List<String> order = stepIds(plan);
        assertEquals(Set.of("a1", "a2", "b1", "b2"), Set.copyOf(order));
        assertTrue(order.indexOf("a2") < order.indexOf("b2"));
        assertTrue(order.indexOf("a1") < order.indexOf("a2"));
        assertEquals("b2", order.get(3));
        assertConsistent(plan);
    }

    @Test
    void depends_on_target_that_is_a_head_is_absorbed_like_a_merge_parent() {
        MigrationPlan plan = dependent().upgradePlan(ids("a2", "b1"), "b2");
        assertEquals(List.of("b2"), stepIds(plan));
        assertEquals(List.of(new Delete(id("b1")), new Update(id("a2"), id("b2"))), plan.steps().get(0).versionChanges());
        assertEquals(ids("b2"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void depends_on_does_not_merge_when_the_dependency_is_not_a_head() {
        // a1 -- a2 -- a3 ; b1 -- b2 (depends on a2). With a3 applied, a2 is not a row.
        RevisionGraph g = graph(rev("a1"), rev("a2").down("a1"), rev("a3").down("a2"), rev("b1"), rev("b2").down("b1").dependsOn("a2"));
        MigrationPlan plan = g.upgradePlan(ids("a3", "b1"), "b2");
        assertEquals(List.of(new Update(id("b1"), id("b2"))), plan.steps().get(0).versionChanges());
        assertEquals(ids("a3", "b2"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void upgrade_to_heads_with_depends_on_leaves_only_true_heads() {
        MigrationPlan plan = dependent().upgradePlan(List.of(), "heads");
        assertEquals(ids("b2"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void upgrade_to_label_head_only_touches_that_branch() {
        RevisionGraph g = graph(rev("a1"), rev("a2").down("a1"), rev("n1").labels("net"), rev("n2").down("n1"));
        MigrationPlan plan = g.upgradePlan(ids("a1"), "net@head");
        assertEquals(List.of("n1", "n2"), stepIds(plan));
        assertEquals(ids("a1", "n2"), plan.headsAfter());
        assertConsistent(plan);
    }

    @Test
    void describe_shows_parents_arrow_and_message() {
        RevisionGraph g = graph(rev("r0"), rev("x1").down("r0"), rev("y1").down("r0"), rev("mm").down("x1", "y1"));
        MigrationPlan plan = g.upgradePlan(List.of(), "mm");
        assertEquals(" -> r0, msg r0", plan.steps().get(0).describe());
        assertEquals("x1, y1 -> mm, msg mm", plan.steps().get(3).describe());
    }
}
