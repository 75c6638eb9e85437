package dev.retort.core.domain.revision;

import static dev.retort.core.domain.revision.Revs.graph;
import static dev.retort.core.domain.revision.Revs.ids;
import static dev.retort.core.domain.revision.Revs.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Target grammar against this graph:
 * <pre>
 *   ae1001 -- ae1002 -- bf2003(core) -- d4e5f6
 *                  \
 *                   cc3003(net) -- cc3004
 * </pre>
 */
class ResolveTargetsTest {
    private final RevisionGraph g = graph(rev("ae1001"), rev("ae1002").down("ae1001"), rev("bf2003").down("ae1002").labels("core"),
            rev("d4e5f6").down("bf2003"), rev("cc3003").down("ae1002").labels("net"), rev("cc3004").down("cc3003"));

    private List<RevisionId> resolve(String target, String... current) {
        return g.resolveTargets(target, ids(current));
    }

    @Test
    void head_with_several_heads_is_ambiguous() {
        var ex = assertThrows(MultipleHeadsException.class, () -> resolve("head"));
        assertEquals(List.of("d4e5f6", "cc3004"), ex.revisions());
    }

    @Test
    void head_with_one_head_is_that_head() {
        RevisionGraph linear = graph(rev("a1"), rev("a2").down("a1"));
        assertEquals(ids("a2"), linear.resolveTargets("head", List.of()));
    }

    @Test
    void heads_base_and_current() {
        assertEquals(ids("d4e5f6", "cc3004"), resolve("heads"));
        assertEquals(List.of(), resolve("base"));
        assertEquals(ids("bf2003", "cc3003"), resolve("current", "bf2003", "cc3003"));
        assertEquals(List.of(), resolve("current"));
    }

    @Test
    void full_id_and_unique_prefix_resolve() {
        assertEquals(ids("bf2003"), resolve("bf2003"));
        assertEquals(ids("d4e5f6"), resolve("d4"));
        assertEquals(ids("ae1002"), resolve("ae1002"));
    }

    @Test
    void ambiguous_prefix_lists_the_candidates() {
        var ex = assertThrows(AmbiguousRevisionException.class, () -> resolve("cc30"));
        assertEquals(List.of("cc3003", "cc3004"), ex.revisions());
        assertTrue(ex.getMessage().contains("cc3003") && ex.getMessage().contains("cc3004"), ex.getMessage());
    }

    @Test
    void unknown_prefix_is_unknown_revision() {
        var ex = assertThrows(UnknownRevisionException.class, () -> resolve("zz"));
        assertTrue(ex.getMessage().contains("zz"), ex.getMessage());
    }

    @Test
    void bare_label_is_the_revision_that_declared_it() {
        assertEquals(ids("cc3003"), resolve("net"));
        assertEquals(ids("bf2003"), resolve("core"));
    }

    @Test
    void label_at_head_is_the_head_of_that_branch() {
        assertEquals(ids("cc3004"), resolve("net@head"));
        assertEquals(ids("d4e5f6"), resolve("core@head"));
    }

    @Test
    void rev_at_head_is_the_head_descending_from_it() {
        assertEquals(ids("cc3004"), resolve("cc3003@head"));
        assertEquals(ids("d4e5f6"), resolve("bf20@head"));
        assertEquals(ids("d4e5f6"), resolve("d4e5f6@head"));
    }

    @Test
    void rev_at_head_with_several_heads_above_is_ambiguous() {
        var ex = assertThrows(MultipleHeadsException.class, () -> resolve("ae1002@head"));
        assertEquals(List.of("d4e5f6", "cc3004"), List.copyOf(ex.revisions()));
    }

    @Test
    void label_at_base_is_base() {
        assertEquals(List.of(), resolve("net@base"));
    }

    @Test
    void label_at_rev_checks_the_revision_is_on_the_branch() {
        assertEquals(ids("cc3004"), resolve("net@cc3004"));
        assertThrows(InvalidTargetException.class, () -> resolve("net@bf2003"));
    }

    @Test
    void unknown_branch_label_is_unknown_revision() {
        assertThrows(UnknownRevisionException.class, () -> resolve("nosuch@head"));
    }

    @Test
    void plus_n_walks_up_from_the_current_head() {
        assertEquals(ids("ae1002"), resolve("+1", "ae1001"));
        assertEquals(ids("d4e5f6"), resolve("+1", "bf2003"));
        assertEquals(ids("cc3004"), resolve("+1", "cc3003"));
    }

    @Test
    void plus_n_from_base_starts_at_the_single_base() {
        assertEquals(ids("ae1001"), resolve("+1"));
        assertEquals(ids("ae1002"), resolve("+2"));
    }

    @Test
    void plus_n_through_a_branch_point_is_ambiguous() {
        var ex = assertThrows(InvalidTargetException.class, () -> resolve("+2", "ae1001"));
        assertTrue(ex.getMessage().contains("ambiguous"), ex.getMessage());
    }

    @Test
    void plus_n_past_the_head_is_invalid() {
        assertThrows(InvalidTargetException.class, () -> resolve("+1", "d4e5f6"));
        assertThrows(InvalidTargetException.class, () -> resolve("+3", "bf2003"));
    }

    @Test
    void relative_with_several_current_heads_is_ambiguous() {
        assertThrows(MultipleHeadsException.class, () -> resolve("+1", "bf2003", "cc3003"));
        assertThrows(MultipleHeadsException.class, () -> resolve("-1", "bf2003", "cc3003"));
    }

    @Test
    void minus_n_walks_down_from_the_current_head() {
        assertEquals(ids("bf2003"), resolve("-1", "d4e5f6"));
        assertEquals(ids("ae1001"), resolve("-3", "d4e5f6"));
    }

    @Test
    void minus_n_landing_just_below_the_base_is_base() {
        assertEquals(List.of(), resolve("-4", "d4e5f6"));
        assertEquals(List.of(), resolve("-1", "ae1001"));
    }

    @Test
    void minus_n_overshooting_the_base_is_invalid() {
        assertThrows(InvalidTargetException.class, () -> resolve("-5", "d4e5f6"));
        assertThrows(InvalidTargetException.class, () -> resolve("-1"));
    }

    @Test
    void rev_plus_and_minus_n() {
        assertEquals(ids("d4e5f6"), resolve("bf2003+1"));
        assertEquals(ids("ae1001"), resolve("bf2003-2"));
        assertEquals(ids("cc3004"), resolve("cc3003+1"));
        assertThrows(InvalidTargetException.class, () -> resolve("ae1002+1"));
        assertEquals(ids("bf2003"), resolve("bf2003+0"));
    }

    @Test
    void head_minus_n_needs_a_single_head() {
        assertThrows(MultipleHeadsException.class, () -> resolve("head-1"));
        RevisionGraph linear = graph(rev("a1"), rev("a2").down("a1"), rev("a3").down("a2"));
        assertEquals(ids("a1"), linear.resolveTargets("head-2", List.of()));
        assertEquals(List.of(), linear.resolveTargets("head-3", List.of()));
    }

    @Test
    void label_plus_n_walks_within_the_branch_from_its_current_head() {
        assertEquals(ids("cc3004"), resolve("net@+1", "d4e5f6", "cc3003"));
        assertEquals(ids("d4e5f6"), resolve("core@+1", "bf2003", "cc3004"));
        assertThrows(InvalidTargetException.class, () -> resolve("net@+2", "cc3003"));
    }

    @Test
    void label_plus_n_from_the_branch_point_steps_into_the_branch() {
        assertEquals(ids("cc3003"), resolve("net@+1", "ae1002"));
        assertEquals(ids("bf2003"), resolve("core@+1", "ae1002"));
        assertEquals(ids("d4e5f6"), resolve("core@+2", "ae1002"));
    }

    @Test
    void label_plus_n_from_base_starts_at_the_branch_base() {
        assertEquals(ids("ae1001"), resolve("net@+1"));
        RevisionGraph twoBases = graph(rev("a1"), rev("a2").down("a1"), rev("n1").labels("net"), rev("n2").down("n1"));
        assertEquals(ids("n2"), twoBases.resolveTargets("net@+2", ids("a2")));
        assertEquals(ids("n1"), twoBases.resolveTargets("net@-1", ids("a2", "n2")));
        assertEquals(List.of(), twoBases.resolveTargets("net@-2", ids("a2", "n2")));
    }

    @Test
    void label_minus_n_walks_down_from_the_branch_head() {
        assertEquals(ids("cc3003"), resolve("net@-1", "d4e5f6", "cc3004"));
        assertEquals(ids("bf2003"), resolve("core@-1", "d4e5f6", "cc3004"));
    }

    /**
     * <pre>
     *   r0 -- x1 --- mm -- top
     *     \        /
     *      y1 ----'
     * </pre>
     */
    private static RevisionGraph merged() {
        return graph(rev("r0"), rev("x1").down("r0"), rev("y1").down("r0"), rev("mm").down("x1", "y1"), rev("top").down("mm"));
    }

    @Test
    void minus_n_through_a_merge_is_ambiguous() {
        RevisionGraph m = merged();
        assertEquals(ids("mm"), m.resolveTargets("-1", ids("top")));
        var ex = assertThrows(InvalidTargetException.class, () -> m.resolveTargets("-2", ids("top")));
        assertTrue(ex.getMessage().contains("mm"), ex.getMessage());
    }

    @Test
    void plus_n_into_a_merge_follows_the_single_child() {
        RevisionGraph m = merged();
        assertEquals(ids("top"), m.resolveTargets("+2", ids("x1")));
    }

    @Test
    void bad_syntax_is_invalid_target() {
        assertThrows(InvalidTargetException.class, () -> resolve("not valid"));
        assertThrows(InvalidTargetException.class, () -> resolve("@+1"));
        assertThrows(InvalidTargetException.class, () -> resolve("x y@+1"));
    }
}
