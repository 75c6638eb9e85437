package dev.retort.adapter.config;

import java.util.List;
import java.util.Map;

/** A parsed YAML value that remembers where it was written, so every error can name line and column. */
sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

    Mark mark();

    /** How the value reads in an error message ("a list", "the text 'x'"). */
    String describe();

    /** 1-based line and column. */
    record Mark(int line, int column) {
    }

    enum ScalarKind { STRING, NUMBER, BOOLEAN, NULL }

    /** @param text the scalar exactly as written (numbers and booleans keep their spelling) */
    record Scalar(String text, ScalarKind kind, Mark mark) implements YamlNode {
        boolean isNull() {
            return kind == ScalarKind.NULL;
        }

        @Override
        public String describe() {
            return switch (kind) {
                case NULL -> "null";
                case NUMBER -> "the number " + text;
                case BOOLEAN -> "the boolean " + text;
                case STRING -> "the text '" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "'";
            };
        }
    }

    record Entry(String key, Mark keyMark, YamlNode value) {
    }

    /** Entries in file order. */
    record Mapping(Map<String, Entry> entries, Mark mark) implements YamlNode {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record Sequence(List<YamlNode> items, Mark mark) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }
}
