package dev.retort.adapter.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Writes YAML the way a person would: plain scalars where they read back as the same text,
 * double quotes otherwise, literal blocks for multi-line text in block context. Output is
 * produced as lines with relative indentation, so nested blocks are indented by their caller.
 */
final class YamlText {
    /** Words some YAML reader would take for a boolean or null. */
    private static final Set<String> SPECIAL_WORDS = Set.of("true", "false", "yes", "no", "on", "off", "y", "n",
            "null", "~", "=", "<<");
    private static final Pattern NUMBER_LIKE = Pattern.compile(
            "[-+]?([0-9][0-9_]*(\\.[0-9_]*)?|\\.[0-9][0-9_]*)([eE][-+]?[0-9]+)?"
                    + "|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[oO][0-7_]+|[-+]?0[bB][01_]+"
                    + "|[-+]?[0-9][0-9_]*(:[0-9_]+)+(\\.[0-9_]*)?"
                    + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final String FIRST_INDICATORS = "-?:,[]{}#&*!|>'\"%@`";
    private static final String FLOW_INDICATORS = ",[]{}?";

    private YamlText() {
    }

    /** A scalar for flow context ({@code {a: b}} or {@code [a, b]}). */
    static String flow(String s) {
        return plainSafe(s, true) ? s : doubleQuoted(s);
    }

    /** A single-line scalar for block context ({@code key: value}). */
    static String block(String s) {
        return plainSafe(s, false) ? s : doubleQuoted(s);
    }

    static String flowList(List<String> items) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        items.forEach(i -> j.add(flow(i)));
        return j.toString();
    }

    /**
     * {@code key: value} in block context; multi-line text becomes a literal block when that
     * reads back exactly, so SQL stays readable.
     */
    static List<String> keyValue(String key, String value) {
        List<String> out = new ArrayList<>();
        if (value.indexOf('\n') >= 0 && literalSafe(value)) {
            boolean endsWithNewline = value.endsWith("\n");
            String body = endsWithNewline ? value.substring(0, value.length() - 1) : value;
            out.add(key + ": " + (endsWithNewline ? "|" : "|-"));
            for (String line : body.split("\n", -1)) {
                out.add("  " + line);
            }
        } else {
            out.add(key + ": " + block(value));
        }
        return out;
    }

    static boolean isMultiline(String value) {
        return value.indexOf('\n') >= 0;
    }

    /** Prefixes every line: {@code first} on the first, {@code rest} on the others. */
    static List<String> indent(List<String> lines, String first, String rest) {
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            out.add((i == 0 ? first : rest) + lines.get(i));
        }
        return out;
    }

    static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            sb.append(line.isBlank() ? "" : line).append('\n');
        }
        return sb.toString();
    }

    static boolean plainSafe(String s, boolean flow) {
        if (s.isEmpty() || !s.equals(s.strip()) || SPECIAL_WORDS.contains(s.toLowerCase(java.util.Locale.ROOT))
                || NUMBER_LIKE.matcher(s).matches() || FIRST_INDICATORS.indexOf(s.charAt(0)) >= 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!printable(c) || c == '\t') {
                return false;
            }
            if (flow && (FLOW_INDICATORS.indexOf(c) >= 0 || c == ':')) {
                return false;
            }
            if (c == ':' && (i + 1 == s.length() || s.charAt(i + 1) == ' ')) {
                return false;
            }
            if (c == '#' && s.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * A literal block keeps text exactly when: lines break on {@code \n} only, nothing needs an
     * escape, the first line sets the indentation (so it starts with a non-space), no line is
     * only spaces, and at most one newline trails ({@code |} keeps one, {@code |-} none).
     */
    static boolean literalSafe(String s) {
        if (s.isEmpty() || s.charAt(0) == ' ' || s.charAt(0) == '\n') {
            return false;
        }
        String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
        String[] lines = body.split("\n", -1);
        for (String line : lines) {
            if (!line.isEmpty() && line.isBlank()) {
                return false;
            }
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (!printable(c) || c == '\t') {
                    return false;
                }
            }
        }
        return !lines[lines.length - 1].isEmpty();
    }

    static String doubleQuoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (printable(c)) {
                        sb.append(c);
                    } else {
                        sb.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Printable in the YAML sense and not a line break to YAML 1.1 readers; surrogates are
     * escaped individually, which reads back to the same UTF-16 text.
     */
    private static boolean printable(char c) {
        return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF && c != 0x2028 && c != 0x2029)
                || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
    }

    /** A flow mapping {@code {k: v, ...}} built in a fixed key order; absent values are left out. */
    static final class FlowMap {
        private final StringJoiner joiner = new StringJoiner(", ", "{", "}");

        FlowMap text(String key, String value) {
            if (value != null) {
                joiner.add(key + ": " + flow(value));
            }
            return this;
        }

        FlowMap raw(String key, String rendered) {
            joiner.add(key + ": " + rendered);
            return this;
        }

        /** Written only when true. */
        FlowMap flag(String key, boolean value) {
            if (value) {
                joiner.add(key + ": true");
            }
            return this;
        }

        FlowMap bool(String key, Boolean value) {
            if (value != null) {
                joiner.add(key + ": " + value);
            }
            return this;
        }

        FlowMap names(String key, List<String> names) {
            joiner.add(key + ": " + flowList(names));
            return this;
        }

        @Override
        public String toString() {
            return joiner.toString();
        }
    }
}
