package dev.retort.dialect.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits raw SQL into statements at top-level semicolons. Skips semicolons inside string
 * literals, quoted identifiers ({@code "x"}, {@code `x`}, {@code [x]}), comments and PostgreSQL
 * dollar quotes, and inside {@code BEGIN ... END} / {@code CASE ... END} blocks of a
 * {@code CREATE} statement, so triggers and routines stay whole. Split here rather than by the
 * driver: SQLite's driver runs only the first statement of a string, MySQL's refuses several.
 */
public final class SqlScriptSplitter {
    private SqlScriptSplitter() {
    }

    /**
     * @param backslashEscapes whether a backslash escapes the next character inside quotes (MySQL's
     *                         default); in standard SQL it is an ordinary character
     * @return the statements, trimmed, without trailing semicolons; blank statements are dropped
     */
    public static List<String> split(String script, boolean backslashEscapes) {
        List<String> out = new ArrayList<>();
        int n = script.length();
        int start = 0;
        int depth = 0;
        int i = 0;
        boolean meaningful = false;
        String firstWord = null;
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                i = skipTo(script, i + 2, "\n");
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                i = skipTo(script, i + 2, "*/");
            } else if (c == '\'' || c == '"' || c == '`') {
                meaningful = true;
                i = skipQuoted(script, i, c, backslashEscapes);
            } else if (c == '$' && dollarTag(script, i) != null) {
                meaningful = true;
                String tag = dollarTag(script, i);
                i = skipTo(script, i + tag.length(), tag);
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(script.charAt(j)) || script.charAt(j) == '_' || script.charAt(j) == '$')) {
                    j++;
                }
                String word = script.substring(i, j).toUpperCase(Locale.ROOT);
                if (firstWord == null) {
                    firstWord = word;
                }
                if ("CREATE".equals(firstWord)) {
                    if (word.equals("BEGIN") || word.equals("CASE")) {
                        depth++;
                    } else if (word.equals("END") && depth > 0 && !endsUncountedBlock(script, j)) {
                        depth--;
                    }
                }
                meaningful = true;
                i = j;
            } else if (c == ';' && depth == 0) {
                if (meaningful) {
                    out.add(script.substring(start, i).strip());
                }
                start = i + 1;
                meaningful = false;
                firstWord = null;
                i++;
            } else {
                if (!Character.isWhitespace(c)) {
                    meaningful = true;
                }
                i++;
            }
        }
        if (meaningful) {
            out.add(script.substring(start).strip());
        }
        return out;
    }

    /** MySQL's {@code END IF}, {@code END LOOP}, ... close blocks whose openers are not counted. */
    private static boolean endsUncountedBlock(String s, int from) {
        int i = from;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < s.length() && Character.isLetter(s.charAt(j))) {
            j++;
        }
        String next = s.substring(i, j).toUpperCase(Locale.ROOT);
        return next.equals("IF") || next.equals("LOOP") || next.equals("WHILE") || next.equals("REPEAT");
    }

    private static int skipTo(String s, int from, String end) {
        int k = s.indexOf(end, from);
        return k < 0 ? s.length() : k + end.length();
    }

    private static int skipQuoted(String s, int from, char quote, boolean backslashEscapes) {
        int i = from + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && backslashEscapes && quote != '`') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    /** @return the dollar-quote tag starting at {@code i} ({@code $$} or {@code $name$}), or null */
    private static String dollarTag(String s, int i) {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
            j++;
        }
        if (j < s.length() && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
            if (i > 0 && (Character.isLetterOrDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '_')) {
                return null;
            }
            return s.substring(i, j + 1);
        }
        return null;
    }
}
