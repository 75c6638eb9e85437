package dev.retort.adapter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.core.domain.revision.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** load(write(rev)) equals rev, for generated revisions covering every operation. */
class RevisionRoundTripProperties {

    @Provide
    Arbitrary<Revision> revisions() {
        return Generators.revision();
    }

    @Property(tries = 200)
    void a_rendered_revision_reads_back_equal(@ForAll("revisions") Revision rev) {
        String text = RevisionYaml.render(rev);

        Revision back = RevisionYaml.parse(text, new SourceFile(Path.of("r.yaml"), "r.yaml"));

        assertEquals(withSource(rev, "r.yaml"), back, () -> "rendered as:\n" + text);
    }

    @Property(tries = 30)
    void a_written_revision_file_loads_back_equal(@ForAll("revisions") Revision rev) throws IOException {
        Path dir = Files.createTempDirectory("retort-roundtrip");
        try {
            YamlScriptRepository repo = new YamlScriptRepository(dir, "%(rev)s_%(slug)s", dir);

            String path = repo.write(rev);
            List<Revision> loaded = repo.loadAll();

            assertEquals(List.of(withSource(rev, path)), loaded);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Revision withSource(Revision r, String source) {
        return new Revision(r.id(), r.downRevisions(), r.branchLabels(), r.dependsOn(), r.message(), r.created(), r.upgrade(),
                r.downgrade(), source);
    }
}
