package dev.retort.adapter.config;

import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionId;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fast path for reading a revision file: only its header keys, line by line, without a YAML
 * parser; the operations are read by the full parser when first needed ({@link Revision#lazy}).
 * It understands the plain layout Retort writes (and people keep): top-level {@code key: value}
 * lines with plain or simply quoted scalars and one-line flow lists. Anything else (block lists
 * in the header, escapes, comments after a value, anchors, tabs, a second document, unknown or
 * duplicate keys, a value the full reader would reject) makes it give up, and the caller reads
 * the file with the full parser, which reports problems with file, line and column.
 */
final class RevisionHeader {
    private static final Set<String> BODY_KEYS = Set.of("upgrade", "downgrade");

    private RevisionHeader() {
    }

    /**
     * @return the revision with lazily read operations, or null when the text is not in the plain
     *         layout (the caller then parses it in full)
     */
    static Revision read(String text, SourceFile src) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0) {
            return null;
        }
        String revision = null;
        Object down = null;
        Object labels = null;
        Object depends = null;
        Object message = null;
        String created = null;
        Set<String> seen = new HashSet<>();
        boolean inBody = false;
        BodyCheck body = new BodyCheck();
        int pos = 0;
        int len = text.length();
        while (pos < len) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = len;
            }
            String line = text.substring(pos, eol);
            pos = eol + 1;
            if (inBody && !body.line(line)) {
                return null;
            }
            if (line.isBlank() || line.charAt(0) == '#') {
                continue;
            }
            char first = line.charAt(0);
            if (first == ' ' || first == '-') {
                if (!inBody || line.startsWith("---")) {
                    return null;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || (colon + 1 < line.length() && line.charAt(colon + 1) != ' ')) {
                return null;
            }
            String key = line.substring(0, colon);
            if (!RevisionYaml.KEYS.contains(key) || !seen.add(key)) {
                return null;
            }
            String value = line.substring(colon + 1).strip();
            if (BODY_KEYS.contains(key)) {
                inBody = true;
                if (!body.line(value)) {
                    return null;
                }
                continue;
            }
            inBody = false;
            Object v = value(value);
            if (v == UNUSUAL) {
                return null;
            }
            switch (key) {
                case "revision" -> {
                    if (!(v instanceof String s)) {
                        return null;
                    }
                    revision = s;
                }
                case "down_revision" -> down = v;
                case "branch_labels" -> labels = v;
                case "depends_on" -> depends = v;
                case "message" -> {
                    if (v instanceof List) {
                        return null;
                    }
                    message = v;
                }
                case "created" -> {
                    if (v instanceof List) {
                        return null;
                    }
                    created = (String) v;
                }
                default -> {
                    return null;
                }
            }
        }
        if (revision == null || !seen.contains("down_revision") || !body.balanced()) {
            return null;
        }
        try {
            RevisionId id = RevisionId.of(revision);
            List<RevisionId> parents = new ArrayList<>();
            if (down instanceof String s) {
                parents.add(RevisionId.of(s));
            } else if (down instanceof List<?> list) {
                for (Object o : list) {
                    parents.add(RevisionId.of((String) o));
                }
            }
            List<String> labelList = names(labels);
            List<String> dependsList = names(depends);
            if (labelList == null || dependsList == null) {
                return null;
            }
            Instant at = created == null ? null : instant(created);
            return lazy(id, parents, labelList, dependsList, (String) message, at, src, null);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return null;
        }
    }

    /**
     * A header whose operations are read from {@code src} on first use, checked to still be the
     * same revision.
     *
     * @param checksum the operations' checksum kept from an earlier read of the unchanged file, or null
     */
    static Revision lazy(RevisionId id, List<RevisionId> parents, List<String> labels, List<String> depends, String message, Instant created,
                         SourceFile src, String checksum) {
        return Revision.lazy(id, parents, labels, depends, message, created, src.display(), () -> body(src, id, parents), checksum);
    }

    private static Revision.Body body(SourceFile src, RevisionId id, List<RevisionId> parents) {
        Revision full = RevisionYaml.read(src);
        if (!full.id().equals(id) || !full.downRevisions().equals(parents)) {
            throw new ConfigException(src.display() + ": the file changed while Retort was running (revision " + id + " is now "
                    + full.id() + "); run the command again");
        }
        return full.body();
    }

    private static Instant instant(String text) {
        Instant quick = canonicalInstant(text);
        if (quick != null) {
            return quick;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(text).toInstant();
        }
    }

    /**
     * {@code 2026-11-25T10:00:00Z}, the form Retort writes, without a {@link java.time.format.DateTimeFormatter}
     * (a tenth of reading a header); null for any other form or an invalid date or time, which
     * {@link Instant#parse} then decides on.
     */
    private static Instant canonicalInstant(String t) {
        if (t.length() != 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = digits(t, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String t, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Names as {@link MappingReader#names}: null/absent is empty, one text is a list of one; null when unusual. */
    private static List<String> names(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof String s) {
            return s.isBlank() ? null : List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (Object o : (List<?>) v) {
            String s = (String) o;
            if (s.isBlank()) {
                return null;
            }
            out.add(s);
        }
        return out;
    }

    private static final Object UNUSUAL = new Object();

    /** A YAML null (null), a text (String), a list of texts (List), or {@link #UNUSUAL}. */
    private static Object value(String v) {
        if (v.startsWith("[")) {
            if (!v.endsWith("]")) {
                return UNUSUAL;
            }
            String inner = v.substring(1, v.length() - 1).strip();
            List<String> items = new ArrayList<>();
            if (inner.isEmpty()) {
                return items;
            }
            for (String part : inner.split(",", -1)) {
                String item = scalar(part.strip(), true);
                if (item == null) {
                    return UNUSUAL;
                }
                items.add(item);
            }
            return items;
        }
        if (isNull(v)) {
            return null;
        }
        String s = scalar(v, false);
        return s == null ? UNUSUAL : s;
    }

    private static boolean isNull(String v) {
        return v.isEmpty() || v.equals("null") || v.equals("Null") || v.equals("NULL") || v.equals("~");
    }

    /**
     * The text of a plain, single- or double-quoted scalar, or null when it is anything else or
     * might not be read as written (a YAML null inside a list, escapes, comments, indicators).
     */
    private static String scalar(String v, boolean inFlow) {
        if (v.isEmpty()) {
            return null;
        }
        char q = v.charAt(0);
        if (q == '\'' || q == '"') {
            if (v.length() < 2 || v.charAt(v.length() - 1) != q) {
                return null;
            }
            String inner = v.substring(1, v.length() - 1);
            if (inner.indexOf(q) >= 0 || inner.indexOf('\\') >= 0 || (inFlow && inner.indexOf(',') >= 0)) {
                return null;
            }
            return inner;
        }
        if (isNull(v)) {
            return null;
        }
        for (int k = 0; k < v.length(); k++) {
            char c = v.charAt(k);
            boolean ok = Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '/' || (c == '-' && k > 0)
                    || (c == ' ' && !inFlow) || (c == ':' && k + 1 < v.length() && v.charAt(k + 1) != ' ' && !inFlow)
                    || (!inFlow && k > 0 && (c == ',' || c == '(' || c == ')' || c == '+' || c == '=' || c == ';' || c == '?'));
            if (!ok || c > 0x7e && !Character.isLetter(c)) {
                return null;
            }
        }
        if (Character.isDigit(v.charAt(0)) && v.indexOf('_') >= 0) {
            return null;    // YAML 1.1 numbers may have '_' separators: leave those to the parser
        }
        return v;
    }

    /**
     * A lexical look at the operations, so that a file the YAML parser would reject outright (a
     * flow list or mapping left open, an unclosed quote) is parsed in full even by graph-only
     * commands: brackets outside quotes must balance. Block scalars ({@code sql: |}) are skipped.
     * It may give up on valid YAML (an apostrophe opening a word); the caller then parses in full.
     */
    private static final class BodyCheck {
        private int depth;
        private char quote;
        private int blockIndent = -1;

        /** @return false when the text cannot be vouched for */
        boolean line(String line) {
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            if (blockIndent >= 0) {
                if (indent == line.length() || indent > blockIndent) {
                    return true;
                }
                blockIndent = -1;
            }
            char prev = ' ';
            int last = -1;
            for (int k = indent; k < line.length(); k++) {
                char c = line.charAt(k);
                if (quote != 0) {
                    if (c == '\\' && quote == '"') {
                        k++;
                    } else if (c == quote) {
                        if (quote == '\'' && k + 1 < line.length() && line.charAt(k + 1) == '\'') {
                            k++;
                        } else {
                            quote = 0;
                        }
                    }
                    prev = c;
                    continue;
                }
                if (c == '#' && prev == ' ') {
                    break;
                }
                if ((c == '\'' || c == '"') && (prev == ' ' || prev == '[' || prev == '{' || prev == ',' || prev == ':' || prev == '-')) {
                    quote = c;
                } else if (c == '[' || c == '{') {
                    depth++;
                } else if (c == ']' || c == '}') {
                    if (--depth < 0) {
                        return false;
                    }
                }
                if (c != ' ') {
                    last = k;
                }
                prev = c;
            }
            if (quote == 0 && depth == 0 && last >= 0) {
                char end = line.charAt(last);
                char before = last > 0 ? line.charAt(last - 1) : ' ';
                if (end == '|' || end == '>' || ((end == '-' || end == '+') && last > 0 && (before == '|' || before == '>'))) {
                    blockIndent = indent;
                }
            }
            return true;
        }

        boolean balanced() {
            return depth == 0 && quote == 0;
        }
    }
}
