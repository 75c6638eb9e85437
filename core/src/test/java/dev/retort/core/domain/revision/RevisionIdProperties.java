package dev.retort.core.domain.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written id check and equality of {@link RevisionId} agree with the grammar and with value equality. */
class RevisionIdProperties {
    private static final Pattern GRAMMAR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]{0,127}");

    @Provide
    Arbitrary<String> candidates() {
        Arbitrary<String> nearValid = Arbitraries.strings().withChars("aZ09_-.é ").ofMinLength(0).ofMaxLength(6);
        Arbitrary<String> any = Arbitraries.strings().all().ofMinLength(0).ofMaxLength(140);
        Arbitrary<String> longOnes = Arbitraries.strings().withChars("ab_1").ofMinLength(120).ofMaxLength(135);
        return Arbitraries.oneOf(nearValid, any, longOnes);
    }

    @Property(tries = 3000)
    void the_check_is_the_grammar(@ForAll("candidates") String s) {
        assertEquals(GRAMMAR.matcher(s).matches(), RevisionId.valid(s), () -> "for '" + s + "'");
    }

    @Property(tries = 500)
    void equal_ids_are_equal_values(@ForAll("candidates") String a, @ForAll("candidates") String b) {
        if (!RevisionId.valid(a) || !RevisionId.valid(b) || a.equals("head") || b.equals("head")) {
            return;
        }
        RevisionId x = RevisionId.of(a);
        RevisionId y = RevisionId.of(new String(b));
        assertEquals(a.equals(b), x.equals(y));
        if (a.equals(b)) {
            assertEquals(x.hashCode(), y.hashCode());
        }
    }

    @Example
    void edges() {
        assertEquals(RevisionId.of("ab"), RevisionId.of(new String("ab")));
        assertNotEquals(RevisionId.of("ab"), RevisionId.of("aB"));
        assertNotEquals(RevisionId.of("ab"), "ab");
        assertThrows(IllegalArgumentException.class, () -> RevisionId.of("_a"));
        assertThrows(IllegalArgumentException.class, () -> RevisionId.of("a".repeat(129)));
        assertEquals(128, RevisionId.of("a".repeat(128)).value().length());
        assertThrows(IllegalArgumentException.class, () -> RevisionId.of("heads"));
    }
}
