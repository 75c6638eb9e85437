package dev.retort.core.domain.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.core.domain.revision.RevisionSpec.At;
import dev.retort.core.domain.revision.RevisionSpec.Base;
import dev.retort.core.domain.revision.RevisionSpec.Current;
import dev.retort.core.domain.revision.RevisionSpec.Head;
import dev.retort.core.domain.revision.RevisionSpec.Heads;
import dev.retort.core.domain.revision.RevisionSpec.Ref;
import dev.retort.core.domain.revision.RevisionSpec.Relative;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RevisionSpecTest {

    @Test
    void parses_symbolic_targets() {
        assertEquals(new Head(), RevisionSpec.parse("head"));
        assertEquals(new Heads(), RevisionSpec.parse("heads"));
        assertEquals(new Base(), RevisionSpec.parse("base"));
        assertEquals(new Current(), RevisionSpec.parse("current"));
        assertEquals(new Head(), RevisionSpec.parse("  head "));
    }

    @Test
    void parses_ids_prefixes_and_labels_as_refs() {
        assertEquals(new Ref("ae1027a6acf"), RevisionSpec.parse("ae1027a6acf"));
        assertEquals(new Ref("ae10"), RevisionSpec.parse("ae10"));
        assertEquals(new Ref("networking"), RevisionSpec.parse("networking"));
        assertEquals(new Ref("my_branch"), RevisionSpec.parse("my_branch"));
    }

    @Test
    void parses_branch_qualified_targets() {
        assertEquals(new At("net", new Head()), RevisionSpec.parse("net@head"));
        assertEquals(new At("net", new Base()), RevisionSpec.parse("net@base"));
        assertEquals(new At("ae10", new Head()), RevisionSpec.parse("ae10@head"));
        assertEquals(new At("net", new Ref("3cac")), RevisionSpec.parse("net@3cac"));
        assertEquals(new At("net", new Relative(null, 2)), RevisionSpec.parse("net@+2"));
        assertEquals(new At("net", new Relative(null, -1)), RevisionSpec.parse("net@-1"));
    }

    @Test
    void parses_relative_targets() {
        assertEquals(new Relative(null, 1), RevisionSpec.parse("+1"));
        assertEquals(new Relative(null, -3), RevisionSpec.parse("-3"));
        assertEquals(new Relative(new Ref("ae10"), 2), RevisionSpec.parse("ae10+2"));
        assertEquals(new Relative(new Ref("ae10"), -1), RevisionSpec.parse("ae10-1"));
        assertEquals(new Relative(new Head(), -1), RevisionSpec.parse("head-1"));
        assertEquals(new Relative(new Base(), 2), RevisionSpec.parse("base+2"));
        assertEquals(new Relative(new At("net", new Head()), -2), RevisionSpec.parse("net@head-2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a b", "@head", "net@", "net@he ad", "a@b@c", "head--1", "++1", "+", "-", "x-", "1+2+", "a:b",
            "@+1", "@-2", "bad label@+1", "a.b@+1", "+99999999999", "ae10+", "heads!"})
    void rejects_bad_syntax_with_invalid_target(String text) {
        assertThrows(InvalidTargetException.class, () -> RevisionSpec.parse(text));
    }

    @Test
    void rejects_null_with_invalid_target() {
        assertThrows(InvalidTargetException.class, () -> RevisionSpec.parse(null));
    }

    @Property(tries = 200)
    void relative_steps_round_trip(@ForAll @IntRange(min = -100000, max = 100000) int n,
                                   @ForAll @StringLength(min = 1, max = 12) @net.jqwik.api.constraints.AlphaChars String anchor) {
        String sign = n >= 0 ? "+" : "";
        RevisionSpec spec = RevisionSpec.parse(anchor + sign + n);
        RevisionSpec expectedAnchor = switch (anchor) {
            case "head" -> new Head();
            case "heads" -> new Heads();
            case "base" -> new Base();
            case "current" -> new Current();
            default -> new Ref(anchor);
        };
        assertEquals(new Relative(expectedAnchor, n), spec);
    }
}
