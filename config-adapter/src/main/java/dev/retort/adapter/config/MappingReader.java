package dev.retort.adapter.config;

import dev.retort.adapter.config.YamlNode.Mapping;
import dev.retort.adapter.config.YamlNode.Mark;
import dev.retort.adapter.config.YamlNode.Scalar;
import dev.retort.adapter.config.YamlNode.ScalarKind;
import dev.retort.adapter.config.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Reads the fields of one YAML mapping (a column, an operation, retort.yaml) and turns every
 * shape mistake into a located {@link dev.retort.core.domain.ConfigException}. Unknown keys are
 * rejected up front, so a typo such as {@code nulable} never passes silently.
 */
final class MappingReader {
    private final SourceFile src;
    private final Mapping map;
    private final String context;
    private final String shape;

    /**
     * @param context what the mapping is, for messages ("column", "create_index")
     * @param shape   the expected form, for messages ("{name, table, columns, unique?}")
     */
    MappingReader(SourceFile src, YamlNode node, String context, String shape, List<String> allowed) {
        this.src = src;
        this.context = context;
        this.shape = shape;
        if (!(node instanceof Mapping m)) {
            throw src.error(node.mark(), context + " is " + node.describe(), "a mapping " + shape);
        }
        this.map = m;
        for (YamlNode.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                throw src.error(e.keyMark(), "unknown key '" + e.key() + "' in " + context + didYouMean(e.key(), allowed),
                        "one of: " + String.join(", ", allowed));
            }
        }
    }

    SourceFile source() {
        return src;
    }

    Mark mark() {
        return map.mark();
    }

    String context() {
        return context;
    }

    boolean has(String key) {
        return map.entries().containsKey(key);
    }

    /** The value, or null when the key is absent (a YAML null is a {@link Scalar} of kind NULL). */
    YamlNode get(String key) {
        YamlNode.Entry e = map.entries().get(key);
        return e == null ? null : e.value();
    }

    /** The value, or null when the key is absent or its value is YAML null. */
    YamlNode value(String key) {
        YamlNode v = get(key);
        return v instanceof Scalar s && s.isNull() ? null : v;
    }

    /** Where the value of {@code key} starts, or the mapping's start when the key is absent. */
    Mark markOf(String key) {
        YamlNode v = get(key);
        return v == null ? map.mark() : v.mark();
    }

    YamlNode require(String key, String expected) {
        YamlNode v = get(key);
        if (v == null || (v instanceof Scalar s && s.isNull())) {
            throw src.error(v == null ? map.mark() : v.mark(), context + (v == null ? " is missing '" : " has no value for '") + key + "'",
                    key + ": " + expected + " in " + context + " " + shape);
        }
        return v;
    }

    /** A required text value; numbers and booleans count as their spelling. */
    String text(String key, String expected) {
        return text(src, require(key, expected), "'" + key + "' of " + context, expected);
    }

    /** An optional text value: null when absent or YAML null. */
    String optText(String key, String expected) {
        YamlNode v = value(key);
        if (v == null) {
            return null;
        }
        return text(src, v, "'" + key + "' of " + context, expected);
    }

    Boolean optBool(String key) {
        YamlNode v = value(key);
        if (v == null) {
            return null;
        }
        return bool(src, v, "'" + key + "' of " + context);
    }

    boolean flag(String key) {
        Boolean b = optBool(key);
        return b != null && b;
    }

    /** A list of names; a single text counts as a list of one; absent or null gives an empty list. */
    List<String> names(String key, String expected) {
        YamlNode v = value(key);
        if (v == null) {
            return List.of();
        }
        return names(src, v, "'" + key + "' of " + context, expected);
    }

    /** Like {@link #names} but at least one name is required. */
    List<String> requiredNames(String key, String expected) {
        YamlNode v = require(key, expected);
        List<String> out = names(src, v, "'" + key + "' of " + context, expected);
        if (out.isEmpty()) {
            throw src.error(v.mark(), "'" + key + "' of " + context + " is empty", expected);
        }
        return out;
    }

    static String text(SourceFile src, YamlNode node, String what, String expected) {
        if (node instanceof Scalar s && !s.isNull()) {
            return s.text();
        }
        throw src.error(node.mark(), what + " is " + node.describe(), expected);
    }

    static boolean bool(SourceFile src, YamlNode node, String what) {
        if (node instanceof Scalar s) {
            if (s.kind() == ScalarKind.BOOLEAN) {
                return isTrue(s.text());
            }
            if (s.kind() == ScalarKind.STRING) {
                String t = s.text().trim().toLowerCase(Locale.ROOT);
                if (t.equals("true") || t.equals("false")) {
                    return t.equals("true");
                }
            }
        }
        throw src.error(node.mark(), what + " is " + node.describe(), "true or false");
    }

    static boolean isTrue(String yamlBoolean) {
        return switch (yamlBoolean.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "y" -> true;
            default -> false;
        };
    }

    static Sequence sequence(SourceFile src, YamlNode node, String what, String expected) {
        if (node instanceof Sequence s) {
            return s;
        }
        throw src.error(node.mark(), what + " is " + node.describe(), expected);
    }

    static List<String> names(SourceFile src, YamlNode node, String what, String expected) {
        if (node instanceof Scalar s && !s.isNull()) {
            return List.of(s.text());
        }
        Sequence seq = sequence(src, node, what, expected);
        List<String> out = new ArrayList<>();
        for (YamlNode item : seq.items()) {
            String name = text(src, item, "an item of " + what, expected);
            if (name.isBlank()) {
                throw src.error(item.mark(), "an item of " + what + " is blank", expected);
            }
            out.add(name);
        }
        return out;
    }

    static String didYouMean(String word, Collection<String> candidates) {
        return dev.retort.core.domain.Suggestions.didYouMean(word, candidates);
    }
}
