package dev.retort.adapter.cli;

import static dev.retort.adapter.cli.CliFixture.createTable;
import static dev.retort.adapter.cli.CliFixture.dropTable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** graph, JSON output, completion and `retort test` through the real CLI. */
class ToolingEndToEndTest {
    @TempDir
    Path dir;
    CliFixture cli;

    @BeforeEach
    void project() {
        cli = new CliFixture(dir).initProject();
        cli.write("schema.yaml", "tables:\n  - name: t1\n    columns:\n      - {name: id, type: integer, primary_key: true}\n"
                + "  - name: t2\n    columns:\n      - {name: id, type: integer, primary_key: true}\n");
        cli.revision("aaa111", null, "one", createTable("t1"), dropTable("t1"));
        cli.revision("bbb222", "aaa111", "two", createTable("t2"), dropTable("t2"));
        cli.revision("ccc333", "aaa111", "side", "", "", "branch_labels: [side]\n");
    }

    @Test
    void graph_marks_heads_labels_merges_and_the_current_revision() {
        cli.ok("merge", "heads", "-m", "join", "--rev-id", "ddd444");
        cli.ok("upgrade", "bbb222");
        String mermaid = cli.ok("graph").out();
        assertTrue(mermaid.startsWith("flowchart BT"), mermaid);
        assertTrue(mermaid.contains("r_ddd444{{\"ddd444 (side)<br/>join<br/>[head, merge]\"}}"), mermaid);
        assertTrue(mermaid.contains("r_ddd444 --> r_bbb222") && mermaid.contains("r_ddd444 --> r_ccc333"), mermaid);
        assertTrue(mermaid.contains("class r_bbb222 current"), mermaid);
        String dot = cli.ok("graph", "--format", "dot", "--no-current").out();
        assertTrue(dot.startsWith("digraph retort {") && dot.contains("\"ddd444\" -> \"bbb222\";"), dot);
        assertFalse(dot.contains("penwidth"), "--no-current marks nothing");
    }

    @Test
    void json_output_has_the_documented_shape() throws Exception {
        cli.ok("upgrade", "bbb222");
        ObjectMapper json = new ObjectMapper();
        JsonNode heads = json.readTree(cli.ok("heads", "--format", "json").out());
        assertEquals(2, heads.get("heads").size());
        JsonNode side = heads.get("heads").get(1);
        assertEquals("ccc333", side.get("revision").asText());
        assertEquals("side", side.get("branch_labels").get(0).asText());
        assertEquals("aaa111", side.get("down_revisions").get(0).asText());
        assertTrue(side.get("head").asBoolean());
        assertEquals("bbb222", json.readTree(cli.ok("current", "--format", "json").out()).get("current").get(0).get("revision").asText());
        assertEquals(3, json.readTree(cli.ok("history", "--format", "json").out()).get("revisions").size());
        assertEquals("aaa111", json.readTree(cli.ok("branches", "--format", "json").out()).get("branch_points").get(0).get("revision").asText());
        assertEquals(2, json.readTree(cli.ok("show", "aaa111", "--format", "json").out()).get("revisions").get(0).get("children").size());
    }

    @Test
    void completion_scripts() {
        String bash = cli.ok("completion", "bash").out();
        assertTrue(bash.contains("complete -F") && bash.contains("upgrade") && bash.contains("downgrade"), bash.substring(0, 200));
        assertTrue(cli.ok("completion", "zsh").out().startsWith("#compdef retort"));
    }

    @Test
    void retort_test_passes_a_good_history_and_names_the_failing_revision() {
        CliFixture.Run multi = cli.run("test");
        multi.expect(1);
        assertTrue(multi.out().contains("FAIL  single head: 2 heads"), multi.out());

        cli.ok("merge", "heads", "-m", "join", "--rev-id", "ddd444");
        CliFixture.Run good = cli.ok("test");
        assertTrue(good.out().contains("All 5 checks passed"), good.out());
        assertEquals("[]", cli.tables().toString(), "the project's own database is untouched");

        cli.revision("eee555", "ddd444", "leaky", createTable("t3"), "");
        CliFixture.Run bad = cli.run("test");
        bad.expect(1);
        assertTrue(bad.out().contains("FAIL  up/down/up round trip: downgrade of eee555"), bad.out());
        assertTrue(bad.out().contains("drop table t3") || bad.out().contains("t3"), bad.out());
    }

    @Test
    void retort_test_reports_a_model_out_of_step_with_head() {
        cli.ok("merge", "heads", "-m", "join", "--rev-id", "ddd444");
        cli.write("schema.yaml", "tables:\n  - name: t1\n    columns:\n      - {name: id, type: integer, primary_key: true}\n");
        CliFixture.Run r = cli.run("test");
        r.expect(1);
        assertTrue(r.out().contains("FAIL  model matches head: 1 pending operation at head: - drop table t2"), r.out());
    }

    @Test
    void post_write_hooks_run_on_new_revision_files() {
        cli.ok("merge", "heads", "-m", "join", "--rev-id", "ddd444");
        cli.write("retort.yaml", cli.read(dir.resolve("retort.yaml")) + """
                hooks:
                  - {name: mark, command: "echo '# formatted' >> REVISION_SCRIPT_FILENAME"}
                  - {name: log, command: [sh, -c, 'echo "$REVISION_SCRIPT_FILENAME" > hook.log']}
                """);
        CliFixture.Run r = cli.ok("revision", "-m", "hooked", "--rev-id", "eee555");
        assertTrue(r.err().contains("Running post-write hook 'mark'"), r.err());
        Path file = dir.resolve("migrations/versions/eee555_hooked.yaml");
        assertTrue(cli.read(file).endsWith("# formatted\n"), cli.read(file));
        assertEquals(file.toString(), cli.read(dir.resolve("hook.log")).strip());

        cli.write("retort.yaml", cli.read(dir.resolve("retort.yaml")) + "  - {name: broken, command: \"exit 3\"}\n");
        CliFixture.Run failed = cli.run("revision", "-m", "again", "--rev-id", "fff666");
        failed.expect(1);
        assertTrue(failed.err().contains("post-write hook 'broken' failed with exit code 3"), failed.err());
        assertTrue(java.nio.file.Files.exists(dir.resolve("migrations/versions/fff666_again.yaml")));
    }
}
