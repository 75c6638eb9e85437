package dev.retort.core.domain.revision;

import static dev.retort.core.domain.revision.Revs.graph;
import static dev.retort.core.domain.revision.Revs.ids;
import static dev.retort.core.domain.revision.Revs.rev;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HistoryAndStampTest {
    private static RevisionGraph linear() {
        return graph(rev("a1"), rev("a2").down("a1"), rev("a3").down("a2"), rev("a4").down("a3"));
    }

    /** a -- b -- c ----- m -- n ; b -- d -- e -> m ; d -- f. */
    private static RevisionGraph branchy() {
        return graph(rev("a"), rev("b", "a"), rev("c", "b"), rev("d", "b"), rev("e", "d"), rev("f", "d"),
                rev("m", "c", "e"), rev("n", "m"));
    }

    private static List<String> history(RevisionGraph g, String range, String... current) {
        return g.history(range, ids(current)).stream().map(r -> r.id().value()).toList();
    }

    @Test
    void history_without_range_lists_everything_newest_first() {
        assertEquals(List.of("a4", "a3", "a2", "a1"), history(linear(), null));
        assertEquals(List.of("a4", "a3", "a2", "a1"), history(linear(), "  "));
    }

    @Test
    void history_range_includes_both_ends() {
        assertEquals(List.of("a3", "a2"), history(linear(), "a2:a3"));
    }

    @Test
    void history_open_ranges() {
        assertEquals(List.of("a4", "a3"), history(linear(), "a3:"));
        assertEquals(List.of("a2", "a1"), history(linear(), ":a2"));
        assertEquals(List.of("a4", "a3", "a2", "a1"), history(linear(), "base:head"));
        assertEquals(List.of("a4", "a3", "a2", "a1"), history(linear(), "base:heads"));
    }

    @Test
    void history_relative_to_current() {
        assertEquals(List.of("a2", "a1"), history(linear(), ":current", "a2"));
        assertEquals(List.of("a4", "a3", "a2"), history(linear(), "current:", "a2"));
        assertEquals(List.of("a3", "a2"), history(linear(), "-1:current", "a3"));
    }

    @Test
    void history_range_needs_a_colon() {
        assertThrows(InvalidTargetException.class, () -> history(linear(), "a2"));
    }

    @Test
    void history_of_a_branchy_graph_lists_children_before_parents() {
        List<String> order = history(branchy(), null);
        assertEquals(8, order.size());
        RevisionGraph g = branchy();
        for (String id : order) {
            for (RevisionId p : g.get(RevisionId.of(id)).downRevisions()) {
                assertTrue(order.indexOf(p.value()) > order.indexOf(id), order.toString());
            }
        }
        assertEquals(Set.of("d", "e", "f", "m", "n"), Set.copyOf(history(branchy(), "d:")));
    }

    @Test
    void stamp_to_head_from_nothing() {
        assertEquals(ids("a4"), linear().stampHeads(List.of(), "head"));
    }

    @Test
    void stamp_replaces_related_heads_and_keeps_unrelated_ones() {
        RevisionGraph g = branchy();
        assertEquals(ids("c", "f"), g.stampHeads(ids("c"), "f"));
        assertEquals(ids("b"), g.stampHeads(ids("c", "f"), "b"));
        assertEquals(Set.of(RevisionId.of("n")), new HashSet<>(g.stampHeads(ids("c", "e"), "n")));
    }

    @Test
    void stamp_base_clears_and_stamp_heads_sets_all_heads() {
        assertEquals(List.of(), branchy().stampHeads(ids("c", "f"), "base"));
        assertEquals(ids("f", "n"), branchy().stampHeads(List.of(), "heads"));
    }

    @Test
    void stamp_relative_moves_the_current_head() {
        assertEquals(ids("a3"), linear().stampHeads(ids("a2"), "+1"));
        assertEquals(ids("a1"), linear().stampHeads(ids("a2"), "-1"));
    }
}
