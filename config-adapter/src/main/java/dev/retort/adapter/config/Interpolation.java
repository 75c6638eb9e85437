package dev.retort.adapter.config;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Shell-style environment references in retort.yaml values: {@code ${VAR}},
 * {@code ${VAR:-default}} (default when unset or empty), and {@code $${...}} for a literal
 * {@code ${...}}. A {@code $} not followed by {@code {} is kept as is.
 */
final class Interpolation {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Interpolation() {
    }

    /**
     * @param what names the value in messages (e.g. "url"); the value itself is never echoed,
     *             since it may hold a password
     */
    static String apply(String value, Map<String, String> env, SourceFile src, YamlNode.Mark mark, String what) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '$' && value.startsWith("$${", i)) {
                int end = value.indexOf('}', i + 3);
                if (end < 0) {
                    throw unterminated(src, mark, what, i);
                }
                out.append(value, i + 1, end + 1);
                i = end + 1;
            } else if (c == '$' && value.startsWith("${", i)) {
                int end = value.indexOf('}', i + 2);
                if (end < 0) {
                    throw unterminated(src, mark, what, i);
                }
                String inner = value.substring(i + 2, end);
                int sep = inner.indexOf(":-");
                String name = sep < 0 ? inner : inner.substring(0, sep);
                if (!NAME.matcher(name).matches()) {
                    throw src.error(mark, what + " refers to " + (what.contains("password") ? "a ${...} reference" : "'${" + name + (sep < 0 ? "}" : ":-...}") + "'")
                            + ", which is not a variable name",
                            "${NAME} or ${NAME:-default}, where NAME is letters, digits and _");
                }
                String v = env.get(name);
                if (v == null || (sep >= 0 && v.isEmpty())) {
                    if (sep < 0) {
                        throw src.error(mark, what + " uses environment variable " + name + ", which is not set",
                                "it to be set, or a default as in ${" + name + ":-value}");
                    }
                    v = inner.substring(sep + 2);
                }
                out.append(v);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static RuntimeException unterminated(SourceFile src, YamlNode.Mark mark, String what, int index) {
        return src.error(mark, what + " has an unterminated '${' at character " + (index + 1), "${NAME} or ${NAME:-default} closed by '}'");
    }
}
