package dev.retort.core.domain.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.core.domain.operation.DropTable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RevisionChecksumTest {
    private static Revision eager() {
        return new Revision(RevisionId.of("aaa111"), List.of(), List.of(), List.of(), "one", null,
                List.of(new DropTable("t1")), List.of(), "one.yaml");
    }

    @Test
    void a_lazy_revision_works_its_checksum_out_once_from_its_operations() {
        AtomicInteger reads = new AtomicInteger();
        Revision lazy = Revision.lazy(RevisionId.of("aaa111"), List.of(), List.of(), List.of(), "one", null, "one.yaml", () -> {
            reads.incrementAndGet();
            return new Revision.Body(List.of(new DropTable("t1")), List.of());
        });
        assertNull(lazy.checksumIfKnown());
        assertEquals(RevisionChecksum.of(eager()), lazy.checksum());
        assertEquals(lazy.checksum(), lazy.checksumIfKnown());
        assertEquals(1, reads.get());
    }

    @Test
    void a_known_checksum_is_used_without_reading_the_operations() {
        String known = RevisionChecksum.of(eager());
        Revision lazy = Revision.lazy(RevisionId.of("aaa111"), List.of(), List.of(), List.of(), "one", null, "one.yaml", () -> {
            throw new AssertionError("the operations were read");
        }, known);
        assertEquals(known, lazy.checksum());
        assertEquals(known, lazy.checksumIfKnown());
    }
}
