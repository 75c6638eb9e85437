package dev.retort.core.domain.revision;

import static dev.retort.core.domain.revision.Revs.graph;
import static dev.retort.core.domain.revision.Revs.ids;
import static dev.retort.core.domain.revision.Revs.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Building and validating the graph; heads, bases, branch and merge points, labels. */
class RevisionGraphTest {

    // ------------------------------------------------------------ validation

    @Test
    void duplicate_revision_id_names_both_files() {
        var ex = assertThrows(DuplicateRevisionException.class, () -> graph(
                rev("a1").source("versions/a1_first.yaml"),
                rev("a1").source("versions/a1_second.yaml")));
        assertTrue(ex.getMessage().contains("versions/a1_first.yaml"), ex.getMessage());
        assertTrue(ex.getMessage().contains("versions/a1_second.yaml"), ex.getMessage());
        assertEquals(List.of("a1"), ex.revisions());
    }

    @Test
    void missing_down_revision_names_revision_file_and_missing_id() {
        var ex = assertThrows(MissingParentException.class, () -> graph(
                rev("a1"), rev("b2").down("zz9").source("versions/b2_child.yaml")));
        assertTrue(ex.getMessage().contains("b2"), ex.getMessage());
        assertTrue(ex.getMessage().contains("versions/b2_child.yaml"), ex.getMessage());
        assertTrue(ex.getMessage().contains("zz9"), ex.getMessage());
        assertEquals(List.of("b2", "zz9"), ex.revisions());
    }

    @Test
    void unresolvable_depends_on_is_reported_with_the_revision() {
        var ex = assertThrows(MissingParentException.class, () -> graph(
                rev("a1"), rev("b2").down("a1").dependsOn("nope")));
        assertTrue(ex.getMessage().contains("b2"), ex.getMessage());
        assertTrue(ex.getMessage().contains("nope"), ex.getMessage());
    }

    @Test
    void ambiguous_depends_on_prefix_is_rejected() {
        assertThrows(RevisionGraphException.class, () -> graph(
                rev("ab1"), rev("ab2"), rev("c3").dependsOn("ab")));
    }

    @Test
    void depends_on_may_name_a_label_or_a_prefix() {
        RevisionGraph g = graph(rev("aaa111").labels("core"), rev("bbb222"), rev("ccc333").down("bbb222").dependsOn("core"),
                rev("ddd444").down("ccc333").dependsOn("aaa"));
        assertEquals(ids("aaa111"), g.dependencies(RevisionId.of("ccc333")));
        assertEquals(ids("aaa111"), g.dependencies(RevisionId.of("ddd444")));
        assertEquals(ids("ccc333", "ddd444"), g.dependents(RevisionId.of("aaa111")));
    }

    @Test
    void duplicate_branch_label_names_both_revisions() {
        var ex = assertThrows(DuplicateBranchLabelException.class, () -> graph(
                rev("a1").labels("auth").source("versions/a1.yaml"),
                rev("b2").labels("auth").source("versions/b2.yaml")));
        assertTrue(ex.getMessage().contains("versions/a1.yaml"), ex.getMessage());
        assertTrue(ex.getMessage().contains("versions/b2.yaml"), ex.getMessage());
        assertEquals(List.of("a1", "b2"), ex.revisions());
    }

    @Test
    void branch_label_equal_to_a_revision_id_is_rejected() {
        var ex = assertThrows(DuplicateBranchLabelException.class, () -> graph(rev("a1"), rev("b2").down("a1").labels("a1")));
        assertTrue(ex.getMessage().contains("a1"), ex.getMessage());
    }

    @Test
    void branch_label_with_invalid_characters_is_rejected() {
        assertThrows(DuplicateBranchLabelException.class, () -> graph(rev("a1").labels("has space")));
        assertThrows(DuplicateBranchLabelException.class, () -> graph(rev("a1").labels("x@y")));
    }

    @Test
    void branch_label_equal_to_a_reserved_target_word_is_rejected() {
        for (String word : List.of("head", "heads", "base", "current")) {
            assertThrows(DuplicateBranchLabelException.class, () -> graph(rev("a1").labels(word)), word);
        }
    }

    @Test
    void cycle_through_down_revisions_is_reported_with_files() {
        var ex = assertThrows(RevisionCycleException.class, () -> graph(
                rev("a1").down("c3").source("versions/a1.yaml"),
                rev("b2").down("a1").source("versions/b2.yaml"),
                rev("c3").down("b2").source("versions/c3.yaml"),
                rev("z0")));
        for (String s : List.of("a1", "b2", "c3", "versions/a1.yaml", "versions/b2.yaml", "versions/c3.yaml")) {
            assertTrue(ex.getMessage().contains(s), ex.getMessage());
        }
        assertFalse(ex.getMessage().contains("z0"), ex.getMessage());
        assertEquals(Set.of("a1", "b2", "c3"), Set.copyOf(ex.revisions()));
    }

    @Test
    void cycle_through_depends_on_is_detected() {
        var ex = assertThrows(RevisionCycleException.class, () -> graph(
                rev("a1"), rev("b2").down("a1").dependsOn("c3"), rev("c3").down("b2")));
        assertTrue(ex.getMessage().contains("b2") && ex.getMessage().contains("c3"), ex.getMessage());
    }

    @Test
    void cycle_across_two_branches_via_depends_on_is_detected() {
        assertThrows(RevisionCycleException.class, () -> graph(
                rev("a1"), rev("a2").down("a1").dependsOn("b2"),
                rev("b1"), rev("b2").down("b1").dependsOn("a2")));
    }

    @Test
    void depending_on_itself_is_a_cycle() {
        assertThrows(RevisionCycleException.class, () -> graph(rev("a1").dependsOn("a1")));
    }

    @Test
    void revision_naming_itself_or_a_parent_twice_is_rejected() {
        assertThrows(IllegalArgumentException.class, () -> rev("a1").down("a1").build());
        assertThrows(IllegalArgumentException.class, () -> rev("a1").down("b1", "b1").build());
    }

    @Test
    void reserved_words_and_bad_characters_are_not_revision_ids() {
        assertThrows(IllegalArgumentException.class, () -> RevisionId.of("head"));
        assertThrows(IllegalArgumentException.class, () -> RevisionId.of("a-b"));
        assertThrows(IllegalArgumentException.class, () -> RevisionId.of("_a"));
        assertThrows(IllegalArgumentException.class, () -> RevisionId.of(""));
        assertEquals("ae10_x", RevisionId.of("ae10_x").toString());
    }

    @Test
    void empty_graph_has_no_heads_and_head_says_so() {
        RevisionGraph g = RevisionGraph.of(List.of());
        assertEquals(List.of(), g.heads());
        assertEquals(List.of(), g.bases());
        assertThrows(UnknownRevisionException.class, g::head);
    }

    // ------------------------------------------------------------- structure

    /**
     * <pre>
     *   a -- b -- c -------- m -- n
     *         \             /
     *          d -- e -----'
     *           \
     *            f
     * </pre>
     */
    private static RevisionGraph branchy() {
        return graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "b"), rev("e", "d"), rev("f", "d"),
                rev("m", "c", "e"), rev("n", "m"));
    }

    @Test
    void heads_bases_branch_points_and_merge_points() {
        RevisionGraph g = branchy();
        assertEquals(ids("f", "n"), g.heads());
        assertEquals(ids("a"), g.bases());
        assertEquals(ids("b", "d"), g.branchPoints());
        assertTrue(g.isMergePoint(RevisionId.of("m")));
        assertFalse(g.isMergePoint(RevisionId.of("n")));
        assertTrue(g.isBranchPoint(RevisionId.of("d")));
        assertTrue(g.isHead(RevisionId.of("f")));
        assertFalse(g.isHead(RevisionId.of("e")));
        assertEquals(ids("c", "d"), g.children(RevisionId.of("b")));
        assertEquals(8, g.size());
        assertThrows(MultipleHeadsException.class, g::head);
    }

    @Test
    void depends_on_does_not_change_heads() {
        RevisionGraph g = graph(rev("a1"), rev("a2", "a1"), rev("b1").dependsOn("a2"), rev("b2").down("b1"));
        assertEquals(ids("a2", "b2"), g.heads());
        assertEquals(ids("a1", "b1"), g.bases());
        assertTrue(g.isHead(RevisionId.of("a2")));
    }

    @Test
    void multiple_heads_message_lists_heads_and_suggests_merge() {
        var ex = assertThrows(MultipleHeadsException.class, () -> branchy().head());
        assertTrue(ex.getMessage().contains("f") && ex.getMessage().contains("n") && ex.getMessage().contains("merge"), ex.getMessage());
        assertEquals(List.of("f", "n"), ex.revisions());
    }

    @Test
    void unknown_revision_lookup_fails_with_unknown_revision() {
        assertThrows(UnknownRevisionException.class, () -> branchy().get(RevisionId.of("zzz")));
        assertThrows(UnknownRevisionException.class, () -> branchy().checkKnown(ids("a", "zzz"), "retort_version"));
    }

    // ---------------------------------------------------------------- labels

    @Test
    void label_applies_to_descendants_and_ancestors_down_to_the_branch_point() {
        // a -- b -- c(L) -- d -- e       ; b is a branch point, x hangs off it
        //        \
        //         x
        RevisionGraph g = graph(rev("a"), rev("b").down("a"), rev("c").down("b").labels("L"), rev("d").down("c"),
                rev("e").down("d"), rev("x").down("b"));
        for (String in : List.of("c", "d", "e")) {
            assertEquals(Set.of("L"), g.labels(RevisionId.of(in)), in);
        }
        for (String out : List.of("a", "b", "x")) {
            assertEquals(Set.of(), g.labels(RevisionId.of(out)), out);
        }
    }

    @Test
    void label_walks_down_a_linear_chain_to_the_base() {
        RevisionGraph g = graph(rev("a"), rev("b").down("a"), rev("c").down("b").labels("L"));
        assertEquals(Set.of("L"), g.labels(RevisionId.of("a")));
        assertEquals(Set.of("L"), g.labels(RevisionId.of("b")));
    }

    @Test
    void label_stops_below_at_a_merge_point() {
        // p, q -> m (merge) -> s -> t(L)
        RevisionGraph g = graph(rev("p"), rev("q"), rev("m").down("p", "q"), rev("s").down("m"), rev("t").down("s").labels("L"));
        assertEquals(Set.of("L"), g.labels(RevisionId.of("s")));
        assertEquals(Set.of(), g.labels(RevisionId.of("m")));
        assertEquals(Set.of(), g.labels(RevisionId.of("p")));
    }

    @Test
    void labels_from_two_branches_meet_in_a_merge_and_its_descendants() {
        RevisionGraph g = graph(rev("a1").labels("A"), rev("b1").labels("B"), rev("m").down("a1", "b1"), rev("n").down("m"));
        assertEquals(Set.of("A", "B"), g.labels(RevisionId.of("n")));
        assertEquals(Set.of("A"), g.labels(RevisionId.of("a1")));
    }

    @Test
    void labels_do_not_follow_depends_on() {
        RevisionGraph g = graph(rev("a1").labels("A"), rev("b1").labels("B").dependsOn("a1"), rev("b2").down("b1"));
        assertEquals(Set.of("B"), g.labels(RevisionId.of("b2")));
        assertEquals(Set.of("A"), g.labels(RevisionId.of("a1")));
    }

    @Test
    void revision_may_declare_several_labels() {
        RevisionGraph g = graph(rev("a1").labels("x", "y"), rev("a2").down("a1"));
        assertEquals(Set.of("x", "y"), g.labels(RevisionId.of("a2")));
        assertEquals("a1", g.resolve("y").id().value());
    }
}
