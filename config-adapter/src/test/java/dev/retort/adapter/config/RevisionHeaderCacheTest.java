package dev.retort.adapter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.revision.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading through the header cache gives what loading the files gives; the cache never outlives a change it can see. */
class RevisionHeaderCacheTest {
    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minusSeconds(3600));

    @TempDir
    Path dir;

    private Path versions() throws IOException {
        return Files.createDirectories(dir.resolve("migrations").resolve("versions"));
    }

    private Path cacheFile() {
        return dir.resolve("migrations").resolve(RevisionHeaderCache.FOLDER).resolve(RevisionHeaderCache.FILE);
    }

    private List<Revision> load(boolean cache) {
        return new YamlScriptRepository(dir.resolve("migrations"), null, dir, cache).loadAll();
    }

    private Path write(String name, String text, FileTime modified) throws IOException {
        Path f = versions().resolve(name);
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, modified);
        return f;
    }

    private static String file(String id, String down, String message) {
        return "revision: " + id + "\ndown_revision: " + down + "\nmessage: " + message + "\ncreated: 2026-11-25T10:00:00Z\n"
                + "upgrade:\n  - drop_table: t_" + id + "\ndowngrade: []\n";
    }

    /** Header and operations of every revision, as a comparable value. */
    private static List<String> describe(List<Revision> revs) {
        List<String> out = new ArrayList<>();
        for (Revision r : revs) {
            out.add(List.of(r.id(), r.downRevisions(), r.branchLabels(), r.dependsOn(), r.message(), String.valueOf(r.created()),
                    String.valueOf(r.source()), r.upgrade(), r.downgrade()).toString());
        }
        return out;
    }

    @Provide
    Arbitrary<List<Revision>> projects() {
        return Generators.revision().list().ofMinSize(1).ofMaxSize(12).uniqueElements(Revision::id);
    }

    @Property(tries = 40)
    void a_project_loads_the_same_with_a_cold_cache_a_warm_cache_and_none(@ForAll("projects") List<Revision> revs) throws IOException {
        dir = Files.createTempDirectory("retort-cache");    // jqwik does not fill @TempDir
        int plain = 0;
        for (Revision r : revs) {
            String text = RevisionYaml.render(r);
            Path f = write(r.id().value() + "_r.yaml", text, AN_HOUR_AGO);
            plain += RevisionHeader.read(text, new SourceFile(f, "x")) != null ? 1 : 0;
        }
        List<String> none = describe(load(false));
        assertFalse(Files.exists(cacheFile()), "no cache without the cache");
        List<String> cold = describe(load(true));
        List<String> warm = describe(load(true));
        assertEquals(none, cold);
        assertEquals(none, warm);
        assertEquals(plain, new RevisionHeaderCache(dir.resolve("migrations")).read().size(), "every plain header is cached");
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void the_second_command_reads_headers_from_the_cache_not_the_files() throws IOException {
        Path a = write("aaa111_a.yaml", file("aaa111", "null", "first"), AN_HOUR_AGO);
        write("bbb222_b.yaml", file("bbb222", "aaa111", "second"), AN_HOUR_AGO);
        load(true);
        assertTrue(Files.isRegularFile(cacheFile()));
        assertEquals("# Written by Retort: a cache of revision file headers, safe to delete.\n*\n",
                Files.readString(cacheFile().resolveSibling(".gitignore")));

        // Same size and the same time stamp as when cached: only a read from the cache still says "first".
        Files.writeString(a, file("aaa111", "null", "FIRST"));
        Files.setLastModifiedTime(a, AN_HOUR_AGO);
        assertEquals("first", load(true).get(0).message());
        assertEquals("FIRST", load(false).get(0).message());
    }

    @Test
    void an_edited_file_is_read_again() throws IOException {
        Path a = write("aaa111_a.yaml", file("aaa111", "null", "first"), AN_HOUR_AGO);
        load(true);
        Files.writeString(a, file("aaa111", "null", "edited"));
        Files.setLastModifiedTime(a, FileTime.from(Instant.now().minusSeconds(600)));
        assertEquals("edited", load(true).get(0).message());
        Files.writeString(a, file("aaa111", "null", "EDITED"));    // same size, time stamp of now
        assertEquals("EDITED", load(true).get(0).message());
    }

    @Test
    void added_and_removed_files_show_and_the_cache_follows() throws IOException {
        Path a = write("aaa111_a.yaml", file("aaa111", "null", "first"), AN_HOUR_AGO);
        write("bbb222_b.yaml", file("bbb222", "aaa111", "second"), AN_HOUR_AGO);
        assertEquals(2, load(true).size());
        write("ccc333_c.yaml", file("ccc333", "bbb222", "third"), AN_HOUR_AGO);
        Files.delete(a);
        List<Revision> revs = load(true);
        assertEquals(List.of("bbb222", "ccc333"), revs.stream().map(r -> r.id().value()).toList());
        assertEquals(2, new RevisionHeaderCache(dir.resolve("migrations")).read().size());
    }

    @Test
    void files_written_in_the_last_seconds_are_not_cached_yet() throws IOException {
        write("aaa111_a.yaml", file("aaa111", "null", "first"), FileTime.from(Instant.now()));
        load(true);
        assertFalse(Files.exists(cacheFile()));
        write("bbb222_b.yaml", file("bbb222", "aaa111", "second"), AN_HOUR_AGO);
        load(true);
        assertEquals(List.of("bbb222_b.yaml"), List.copyOf(new RevisionHeaderCache(dir.resolve("migrations")).read().keySet()));
    }

    @Test
    void a_damaged_cache_is_ignored_and_replaced() throws IOException {
        write("aaa111_a.yaml", file("aaa111", "null", "first"), AN_HOUR_AGO);
        load(true);
        byte[] good = Files.readAllBytes(cacheFile());
        Random random = new Random(42);
        for (int cut = 0; cut < good.length; cut += Math.max(1, good.length / 17)) {
            byte[] bad = java.util.Arrays.copyOf(good, cut);
            if (cut > 8) {
                bad[random.nextInt(cut)] ^= (byte) 0x5a;
            }
            Files.write(cacheFile(), bad);
            List<Revision> revs = load(true);
            assertEquals("first", revs.get(0).message());
            assertEquals("aaa111", revs.get(0).id().value());
        }
        Files.writeString(cacheFile(), "not a cache");
        assertEquals("first", load(true).get(0).message());
        assertNotEquals("not a cache", Files.readString(cacheFile(), java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    @Test
    void a_file_the_fast_path_cannot_read_is_read_in_full_every_time_and_not_cached() throws IOException {
        write("aaa111_a.yaml", "# a comment line first is fine\nrevision: aaa111\ndown_revision:\n  - null_not_a_list_item_form\n", AN_HOUR_AGO);
        write("bbb222_b.yaml", file("bbb222", "null", "plain"), AN_HOUR_AGO);
        String first;
        try {
            first = describe(load(true)).toString();
        } catch (RuntimeException e) {
            first = e.getMessage();
        }
        String second;
        try {
            second = describe(load(true)).toString();
        } catch (RuntimeException e) {
            second = e.getMessage();
        }
        assertEquals(first, second);
        assertEquals(List.of("bbb222_b.yaml"), List.copyOf(new RevisionHeaderCache(dir.resolve("migrations")).read().keySet()));
    }

    @Test
    void checksums_worked_out_in_a_run_are_kept_for_unchanged_files_only() throws IOException {
        write("aaa_one.yaml", file("aaa", "null", "one"), AN_HOUR_AGO);
        write("bbb_two.yaml", file("bbb", "aaa", "two"), AN_HOUR_AGO);
        YamlScriptRepository first = new YamlScriptRepository(dir.resolve("migrations"), null, dir, true);
        List<Revision> revs = first.loadAll();
        assertTrue(revs.stream().allMatch(r -> r.checksumIfKnown() == null), "nothing known before the first run");
        List<String> sums = revs.stream().map(Revision::checksum).toList();
        first.remember();

        List<Revision> again = load(true);
        assertEquals(sums, again.stream().map(Revision::checksumIfKnown).toList(), "kept, for a run that reads no operation");
        assertEquals(sums, again.stream().map(r -> dev.retort.core.domain.revision.RevisionChecksum.of(r)).toList(), "and right");

        write("aaa_one.yaml", file("aaa", "null", "one") + "# edited\n", AN_HOUR_AGO);
        List<Revision> edited = load(true);
        assertEquals(null, edited.get(0).checksumIfKnown(), "an edited file's checksum is worked out again");
        assertEquals(sums.get(1), edited.get(1).checksumIfKnown());
    }

    @Test
    void a_cache_from_another_checksum_form_or_version_keeps_its_headers_but_not_its_checksums() throws IOException {
        write("aaa_one.yaml", file("aaa", "null", "one"), AN_HOUR_AGO);
        YamlScriptRepository first = new YamlScriptRepository(dir.resolve("migrations"), null, dir, true);
        first.loadAll().forEach(Revision::checksum);
        first.remember();
        byte[] bytes = Files.readAllBytes(cacheFile());
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf(RevisionHeaderCache.CHECKSUMS);
        assertTrue(at > 0, "the cache names the checksum form");
        bytes[at] = (byte) 'x';    // same length, another name: as if written by another version
        Files.write(cacheFile(), bytes);
        List<Revision> revs = load(true);
        assertEquals("aaa", revs.get(0).id().value());
        assertEquals(null, revs.get(0).checksumIfKnown());
    }
}
