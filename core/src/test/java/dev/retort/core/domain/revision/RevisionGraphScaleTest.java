package dev.retort.core.domain.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The graph promises linear walks; a quadratic step shows up here as minutes, not seconds. */
class RevisionGraphScaleTest {
    private static Revision rev(String id, String down) {
        return new Revision(RevisionId.of(id), down == null ? List.of() : List.of(RevisionId.of(down)), List.of(), List.of(), "", null,
                List.of(), List.of(), null);
    }

    @Test
    void hundred_thousand_revisions_in_a_line_upgrade_and_downgrade_quickly() {
        int n = 100_000;
        List<Revision> revs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            revs.add(rev("a" + i, i == 0 ? null : "a" + (i - 1)));
        }
        assertTimeout(Duration.ofSeconds(20), () -> {
            RevisionGraph g = RevisionGraph.of(revs);
            MigrationPlan up = g.upgradePlan(List.of(), "head");
            assertEquals(n, up.steps().size());
            MigrationPlan down = g.downgradePlan(up.headsAfter(), "base");
            assertEquals(n, down.steps().size());
            assertEquals(n, g.history(null, List.of()).size());
        });
    }

    @Test
    void long_parallel_branches_downgrade_quickly() {
        int m = 25_000;
        List<Revision> revs = new ArrayList<>();
        revs.add(rev("b0", null));
        for (int i = 1; i <= m; i++) {
            revs.add(rev("x" + i, i == 1 ? "b0" : "x" + (i - 1)));
            revs.add(rev("y" + i, i == 1 ? "b0" : "y" + (i - 1)));
        }
        assertTimeout(Duration.ofSeconds(20), () -> {
            RevisionGraph g = RevisionGraph.of(revs);
            MigrationPlan up = g.upgradePlan(List.of(), "heads");
            assertEquals(2, up.headsAfter().size());
            MigrationPlan down = g.downgradePlan(up.headsAfter(), "base");
            assertEquals(2 * m + 1, down.steps().size());
            assertEquals(List.of(), down.headsAfter());
        });
    }
}
