package dev.retort.adapter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.revision.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The header fast path reads what the full parser reads, or gives up; it never reads something else. */
class RevisionHeaderProperties {
    private static final SourceFile SRC;

    static {
        try {
            Path file = Files.createTempFile("retort-header", ".yaml");
            file.toFile().deleteOnExit();
            SRC = new SourceFile(file, "r.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fast path reads operations from the file, on first use. */
    private static String file(String text) {
        try {
            Files.writeString(SRC.path(), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text;
    }

    @Provide
    Arbitrary<Revision> revisions() {
        return Generators.revision();
    }

    @Property(tries = 200)
    void a_rendered_revision_takes_the_fast_path_and_reads_the_same_header(@ForAll("revisions") Revision rev) {
        String text = file(RevisionYaml.render(rev));

        Revision full = RevisionYaml.parse(text, SRC);
        Revision fast = RevisionHeader.read(text, SRC);

        // Free text (a message with punctuation; raw SQL, a comment or a default with an
        // unbalanced bracket or quote) may send a file to the full parser; the structured rest
        // never should.
        if (plain(rev.message()) && !text.contains("sql:") && !text.contains("comment:") && !text.contains("default:")) {
            assertNotNull(fast, () -> "fast path gave up on:\n" + text);
        }
        if (fast != null) {
            assertSameHeader(full, fast, text);
        }
    }

    @Provide
    Arbitrary<String> oddFiles() {
        Arbitrary<String> scalar = Arbitraries.of("abc123", "0x1f", "1e5", "123456789012", "0o17", "1_000", "yes", "on", "1:20", ".5",
                "+1", "null", "~", "''", "'a'", "\"b\"", "\"a\\tb\"", "'it''s'", "a b", "a: b", "a #c", "[a, b]", "[a,b]", "[]", "[null]",
                "[a, ]", "[ 'x', \"y\" ]", "2026-11-25T10:00:00Z", "2026-11-25T10:00:00+02:00", "2026-11-25", "&x a", "*x", "!!str a",
                "|", ">", "ab-cd", "-ab", "ab:", "x,y", "fix (bug)", "ünïcode", "a\u00a0b", "");
        Arbitrary<String> key = Arbitraries.of("revision", "down_revision", "branch_labels", "depends_on", "message", "created",
                "upgrade", "downgrade", "revison", " revision", "revision ");
        Arbitrary<String> line = Combinators.combine(key, scalar).as((k, v) -> k + ":" + (v.isEmpty() ? "" : " " + v));
        Arbitrary<String> extra = Arbitraries.of("", "# comment", "  - drop_table: t", "- drop_table: t", "---", "  indented: x", "\t",
                "  - create_table: {name: x", "  - sql: 'open", "  - sql: |\n      it's [", "  - drop_table: ]");
        return Combinators.combine(line.list().ofMinSize(1).ofMaxSize(8), extra.list().ofMaxSize(2))
                .as((lines, extras) -> "revision: aaa111\n" + String.join("\n", lines) + "\n" + String.join("\n", extras) + "\n");
    }

    @Property(tries = 2000)
    void an_odd_file_reads_like_the_full_parser_or_falls_back(@ForAll("oddFiles") String text) {
        file(text);
        Revision fast = RevisionHeader.read(text, SRC);
        if (fast == null) {
            return;
        }
        Revision full;
        try {
            full = RevisionYaml.parse(text, SRC);
        } catch (ConfigException e) {
            // The fast path read a header the full parser rejects: only the operations may be at fault.
            assertEquals(e.getMessage(), assertThrowsOnBody(fast), () -> "file:\n" + text);
            return;
        }
        assertSameHeader(full, fast, text);
    }

    private static String assertThrowsOnBody(Revision fast) {
        try {
            fast.body();
        } catch (ConfigException e) {
            return e.getMessage();
        }
        return "(the operations read fine)";
    }

    private static void assertSameHeader(Revision full, Revision fast, String text) {
        assertEquals(List.of(full.id(), full.downRevisions(), full.branchLabels(), full.dependsOn(), full.message(),
                        String.valueOf(full.created()), full.source()),
                List.of(fast.id(), fast.downRevisions(), fast.branchLabels(), fast.dependsOn(), fast.message(), String.valueOf(fast.created()),
                        fast.source()), () -> "file:\n" + text);
        assertEquals(full, fast, () -> "file:\n" + text);
    }

    private static boolean plain(String message) {
        return message.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == ' ' || c == '_' || c == '.') && !message.startsWith(" ")
                && !message.endsWith(" ") && !message.contains("  ");
    }

}
