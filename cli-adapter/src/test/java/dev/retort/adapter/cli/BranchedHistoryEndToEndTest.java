package dev.retort.adapter.cli;

import static dev.retort.adapter.cli.CliFixture.createTable;
import static dev.retort.adapter.cli.CliFixture.dropTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Branches, labels, a merge and the version table's one-row-per-head bookkeeping, through the CLI. */
class BranchedHistoryEndToEndTest {
    @TempDir
    Path dir;
    CliFixture cli;

    @BeforeEach
    void project() {
        cli = new CliFixture(dir).initProject();
        cli.revision("aaa111", null, "base", createTable("t1"), dropTable("t1"));
        cli.revision("bbb222", "aaa111", "main work", createTable("t2"), dropTable("t2"));
        cli.revision("ccc333", "aaa111", "feature work", createTable("t3"), dropTable("t3"), "branch_labels: [feature]\n");
    }

    @Test
    void two_heads_need_heads_or_a_label() {
        CliFixture.Run r = cli.run("upgrade", "head");
        r.expect(1);
        assertTrue(r.err().contains("2 heads") && r.err().contains("bbb222") && r.err().contains("ccc333"), r.err());
        assertTrue(r.err().contains("retort merge"), r.err());
        assertEquals(List.of(), cli.tables(), "a refused upgrade changes nothing");

        cli.ok("upgrade", "feature@head");
        assertEquals(List.of("ccc333"), cli.versionRows());
        cli.ok("upgrade", "heads");
        assertEquals(List.of("bbb222", "ccc333"), cli.versionRows());
        assertEquals(List.of("retort_history", "retort_version", "t1", "t2", "t3"), cli.tables());

        String heads = cli.ok("heads").out();
        assertTrue(heads.contains("bbb222 (head)"), heads);
        assertTrue(heads.contains("ccc333 (feature) (head)"), heads);
        String branches = cli.ok("branches").out();
        assertTrue(branches.contains("aaa111") && branches.contains("(branchpoint)"), branches);
        assertTrue(branches.contains("-> bbb222 (head), main work"), branches);
        assertTrue(branches.contains("-> ccc333 (feature) (head), feature work"), branches);
        String current = cli.ok("current").out();
        assertEquals(List.of("bbb222 (head)", "ccc333 (feature) (head)"), current.lines().sorted().toList());
    }

    @Test
    void merge_then_unmerge_then_remove_a_branch() {
        cli.ok("upgrade", "heads");
        CliFixture.Run merged = cli.ok("merge", "heads", "-m", "merge feature", "--rev-id", "ddd444");
        assertTrue(merged.out().contains("ddd444_merge_feature"), merged.out());
        assertEquals("ddd444 (feature) (head) (mergepoint)", cli.ok("heads").out().strip());

        cli.ok("upgrade", "head");
        assertEquals(List.of("ddd444"), cli.versionRows(), "a merge replaces its parents' rows with one");
        String history = cli.ok("history").out();
        assertTrue(history.lines().findFirst().orElseThrow().startsWith("(bbb222, ccc333) -> ddd444"), history);
        assertTrue(history.contains("<base> -> aaa111 (branchpoint), base"), history);

        CliFixture.Run ambiguous = cli.run("downgrade", "-1");
        ambiguous.expect(1);
        assertTrue(ambiguous.err().contains("merge ddd444"), ambiguous.err());

        cli.ok("downgrade", "bbb222");
        assertEquals(List.of("bbb222", "ccc333"), cli.versionRows(), "unmerge restores both parents' rows");

        cli.ok("downgrade", "feature@base");
        assertEquals(List.of("bbb222"), cli.versionRows());
        assertEquals(List.of("retort_history", "retort_version", "t1", "t2"), cli.tables());

        cli.ok("downgrade", "base");
        assertEquals(List.of(), cli.versionRows());
        assertEquals(List.of("retort_history", "retort_version"), cli.tables());
    }

    @Test
    void relative_targets_and_ranges() {
        cli.ok("upgrade", "bbb222");
        assertEquals(List.of("bbb222"), cli.versionRows());
        cli.ok("downgrade", "-1");
        assertEquals(List.of("aaa111"), cli.versionRows());
        CliFixture.Run branchy = cli.run("upgrade", "+1");
        branchy.expect(1);
        assertTrue(branchy.err().contains("ambiguous") && branchy.err().contains("aaa111"), branchy.err());
        cli.ok("upgrade", "feature@+1");
        assertEquals(List.of("ccc333"), cli.versionRows());
        CliFixture.Run over = cli.run("upgrade", "ccc333+2");
        over.expect(1);
        assertTrue(over.err().contains("goes past"), over.err());

        String range = cli.ok("history", "-r", "aaa111:bbb222").out();
        assertEquals(2, range.lines().count(), range);
        String fromCurrent = cli.ok("history", "-r", "current:").out();
        assertEquals(1, fromCurrent.lines().count(), fromCurrent);
        assertTrue(fromCurrent.contains("ccc333"), fromCurrent);
    }

    @Test
    void new_revisions_attach_to_heads_labels_and_splices() {
        CliFixture.Run multi = cli.run("revision", "-m", "next");
        multi.expect(1);
        assertTrue(multi.err().contains("--head"), multi.err());

        cli.ok("revision", "-m", "on feature", "--head", "feature@head", "--rev-id", "eee555");
        assertTrue(cli.ok("show", "eee555").out().contains("Parent: ccc333"));

        CliFixture.Run notHead = cli.run("revision", "-m", "x", "--head", "aaa111");
        notHead.expect(1);
        assertTrue(notHead.err().contains("--splice"), notHead.err());
        cli.ok("revision", "-m", "spliced", "--head", "aaa111", "--splice", "--rev-id", "fff666");

        cli.ok("revision", "-m", "second root", "--head", "base", "--branch-label", "reports", "--rev-id", "ggg777");
        cli.ok("revision", "-m", "needs reports", "--head", "bbb222", "--depends-on", "reports", "--rev-id", "hhh888");
        String show = cli.ok("show", "hhh888").out();
        assertTrue(show.contains("Also depends on: ggg777"), show);

        cli.ok("upgrade", "hhh888");
        assertEquals(List.of("hhh888"), cli.versionRows(), "a dependency that is a head is absorbed like a merge parent");
        CliFixture.Run dup = cli.run("revision", "-m", "dup", "--head", "eee555", "--branch-label", "feature");
        dup.expect(1);
        assertTrue(dup.err().contains("feature") && dup.err().contains("ccc333"), dup.err());
    }

    @Test
    void stamp_sets_rows_without_running_anything() {
        cli.ok("stamp", "bbb222");
        assertEquals(List.of("bbb222"), cli.versionRows());
        assertEquals(List.of("retort_version"), cli.tables(), "stamp runs nothing, so it writes no history");
        cli.ok("stamp", "feature@head");
        assertEquals(List.of("bbb222", "ccc333"), cli.versionRows());
        cli.ok("stamp", "--purge", "base");
        assertEquals(List.of(), cli.versionRows());
    }
}
