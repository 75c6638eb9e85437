package dev.retort.dialect.sqlite;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What SQLite's catalog pragmas do not tell, read from the CREATE TABLE text SQLite keeps in
 * {@code sqlite_schema.sql}: check constraints, enum checks, AUTOINCREMENT, constraint names and
 * the portable-type marker Retort writes for autoincrement keys. SQLite stores the text as written
 * and rewrites only identifiers on RENAME, so Retort's own rendering reads back exactly.
 */
final class SqliteTableSql {
    private static final Pattern TYPE_MARKER = Pattern.compile("/\\*\\s*retort:([^*]+?)\\s*\\*/");

    /** A check: its constraint name (or null), expression as written, and enum values when it is {@code col IN ('a', ...)}. */
    record Check(String name, String expression, List<String> enumValues) {
    }

    private enum Kind { WORD, QUOTED, STRING, PUNCT, COMMENT }

    private record Token(Kind kind, String value, int start, int end) {
        boolean is(String word) {
            return kind == Kind.WORD && value.equalsIgnoreCase(word);
        }

        boolean isPunct(char c) {
            return kind == Kind.PUNCT && value.charAt(0) == c;
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED || kind == Kind.STRING;
        }
    }

    private final String sql;
    private final Map<String, Boolean> autoincrement = new HashMap<>();
    private final Map<String, String> typeMarkers = new HashMap<>();
    private final Map<String, List<Check>> columnChecks = new HashMap<>();
    private final List<Check> tableChecks = new ArrayList<>();
    private final Map<String, String> uniqueNames = new HashMap<>();
    private final Map<String, String> foreignKeyNames = new HashMap<>();
    private String primaryKeyName;

    private SqliteTableSql(String sql) {
        this.sql = sql == null ? "" : sql;
    }

    static SqliteTableSql parse(String sql) {
        SqliteTableSql parsed = new SqliteTableSql(sql);
        parsed.read();
        return parsed;
    }

    boolean autoincrement(String column) {
        return autoincrement.getOrDefault(key(column), false);
    }

    /** @return the portable type Retort noted beside an autoincrement key, or null */
    String typeMarker(String column) {
        return typeMarkers.get(key(column));
    }

    List<Check> columnChecks(String column) {
        return columnChecks.getOrDefault(key(column), List.of());
    }

    List<Check> tableChecks() {
        return tableChecks;
    }

    String primaryKeyName() {
        return primaryKeyName;
    }

    String uniqueName(List<String> columns) {
        return uniqueNames.get(key(columns));
    }

    String foreignKeyName(List<String> columns, String referencedTable) {
        return foreignKeyNames.get(key(columns) + "->" + key(referencedTable));
    }

    /** Whether an SQL expression names {@code identifier} (bare or quoted, any case), outside string literals and comments. */
    static boolean mentions(String expression, String identifier) {
        return new SqliteTableSql(expression).tokenize().stream()
                .anyMatch(t -> (t.kind() == Kind.WORD || t.kind() == Kind.QUOTED) && t.value().equalsIgnoreCase(identifier));
    }

    /**
     * A comparison key for an SQL expression: comments dropped, words and plain quoted identifiers
     * upper-cased and unquoted (SQLite's keywords, function names and identifiers ignore case),
     * string literals kept, one space between tokens except inside parentheses, before commas and
     * around dots, redundant outer parentheses removed. Idempotent.
     */
    static String canonical(String expression) {
        List<Token> tokens = new SqliteTableSql(expression).tokenize().stream().filter(t -> t.kind() != Kind.COMMENT).toList();
        while (tokens.size() >= 2 && tokens.get(0).isPunct('(') && matching(tokens, 0) == tokens.size() - 1) {
            tokens = tokens.subList(1, tokens.size() - 1);
        }
        StringBuilder sb = new StringBuilder();
        Token previous = null;
        for (Token t : tokens) {
            boolean glued = previous == null || previous.isPunct('(') || previous.isPunct('.') || t.isPunct(')') || t.isPunct(',') || t.isPunct('.')
                    || (previous.kind() == Kind.WORD && t.kind() == Kind.STRING && previous.end() == t.start());
            if (!glued) {
                sb.append(' ');
            }
            switch (t.kind()) {
                case WORD -> sb.append(t.value().toUpperCase(Locale.ROOT));
                case QUOTED -> sb.append(t.value().matches("[A-Za-z_][A-Za-z0-9_$]*") ? t.value().toUpperCase(Locale.ROOT)
                        : '"' + t.value().replace("\"", "\"\"") + '"');
                case STRING -> sb.append('\'').append(t.value().replace("'", "''")).append('\'');
                default -> sb.append(t.value());
            }
            previous = t;
        }
        return sb.toString();
    }

    private static String key(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    private static String key(List<String> identifiers) {
        return String.join("\u0000", identifiers.stream().map(SqliteTableSql::key).toList());
    }

    // ---------------------------------------------------------------- parsing

    private void read() {
        List<Token> tokens = tokenize();
        int open = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isPunct('(')) {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return;
        }
        List<Token> element = new ArrayList<>();
        int depth = 0;
        for (int i = open + 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct('(')) {
                depth++;
            } else if (t.isPunct(')')) {
                if (depth == 0) {
                    readElement(element);
                    return;
                }
                depth--;
            } else if (t.isPunct(',') && depth == 0) {
                readElement(element);
                element = new ArrayList<>();
                continue;
            }
            element.add(t);
        }
    }

    private void readElement(List<Token> all) {
        List<Token> tokens = all.stream().filter(t -> t.kind() != Kind.COMMENT).toList();
        if (tokens.isEmpty()) {
            return;
        }
        Token first = tokens.get(0);
        boolean tableConstraint = first.kind() == Kind.WORD
                && List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN").contains(first.value().toUpperCase(Locale.ROOT));
        if (tableConstraint) {
            readTableConstraint(tokens);
        } else {
            readColumn(first.value(), all, tokens);
        }
    }

    private void readColumn(String column, List<Token> all, List<Token> tokens) {
        for (Token t : all) {
            if (t.kind() == Kind.COMMENT) {
                Matcher m = TYPE_MARKER.matcher(t.value());
                if (m.matches()) {
                    typeMarkers.put(key(column), m.group(1).strip());
                }
            }
        }
        String name = null;
        for (int i = 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("CONSTRAINT") && i + 1 < tokens.size()) {
                name = tokens.get(++i).value();
            } else if (t.is("AUTOINCREMENT")) {
                autoincrement.put(key(column), true);
            } else if (t.is("CHECK") && i + 1 < tokens.size() && tokens.get(i + 1).isPunct('(')) {
                int close = matching(tokens, i + 1);
                List<Token> body = tokens.subList(i + 2, close);
                columnChecks.computeIfAbsent(key(column), k -> new ArrayList<>())
                        .add(new Check(name, text(tokens.get(i + 1), tokens.get(close)), enumValues(column, body)));
                name = null;
                i = close;
            } else if (t.is("PRIMARY") || t.is("NOT") || t.is("NULL") || t.is("UNIQUE") || t.is("DEFAULT") || t.is("REFERENCES")
                    || t.is("COLLATE") || t.is("GENERATED") || t.is("AS")) {
                name = null;
            }
        }
    }

    private void readTableConstraint(List<Token> tokens) {
        int i = 0;
        String name = null;
        if (tokens.get(0).is("CONSTRAINT") && tokens.size() > 1) {
            name = tokens.get(1).value();
            i = 2;
        }
        if (i >= tokens.size()) {
            return;
        }
        Token kind = tokens.get(i);
        int open = indexOfPunct(tokens, i, '(');
        if (open < 0) {
            return;
        }
        int close = matching(tokens, open);
        if (kind.is("CHECK")) {
            tableChecks.add(new Check(name, text(tokens.get(open), tokens.get(close)), null));
        } else if (kind.is("PRIMARY")) {
            primaryKeyName = name;
        } else if (kind.is("UNIQUE") && name != null) {
            uniqueNames.put(key(columnList(tokens, open, close)), name);
        } else if (kind.is("FOREIGN") && name != null) {
            int references = close + 1;
            if (references + 1 < tokens.size() && tokens.get(references).is("REFERENCES")) {
                foreignKeyNames.put(key(columnList(tokens, open, close)) + "->" + key(tokens.get(references + 1).value()), name);
            }
        }
    }

    /** @return the values when the check body is exactly {@code column IN ('a', 'b', ...)}, else null */
    private static List<String> enumValues(String column, List<Token> body) {
        if (body.size() < 5 || !body.get(0).isName() || body.get(0).kind() == Kind.STRING || !body.get(0).value().equalsIgnoreCase(column)
                || !body.get(1).is("IN") || !body.get(2).isPunct('(') || !body.get(body.size() - 1).isPunct(')')) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 3; i < body.size() - 1; i++) {
            Token t = body.get(i);
            boolean valueSlot = (i - 3) % 2 == 0;
            if (valueSlot && t.kind() == Kind.STRING) {
                values.add(t.value());
            } else if (!valueSlot && t.isPunct(',')) {
                continue;
            } else {
                return null;
            }
        }
        return values.isEmpty() || (body.size() - 4) % 2 == 0 ? null : values;
    }

    private static List<String> columnList(List<Token> tokens, int open, int close) {
        List<String> out = new ArrayList<>();
        boolean expectName = true;
        int depth = 0;
        for (int i = open + 1; i < close; i++) {
            Token t = tokens.get(i);
            if (t.isPunct('(')) {
                depth++;
            } else if (t.isPunct(')')) {
                depth--;
            } else if (t.isPunct(',') && depth == 0) {
                expectName = true;
            } else if (expectName && depth == 0) {
                out.add(t.value());
                expectName = false;
            }
        }
        return out;
    }

    private String text(Token open, Token close) {
        return sql.substring(open.end(), close.start()).strip();
    }

    private static int indexOfPunct(List<Token> tokens, int from, char c) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isPunct(c)) {
                return i;
            }
        }
        return -1;
    }

    private static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isPunct('(')) {
                depth++;
            } else if (tokens.get(i).isPunct(')') && --depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    private List<Token> tokenize() {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.add(new Token(Kind.COMMENT, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                out.add(new Token(Kind.COMMENT, sql.substring(i, end), i, end));
                i = end;
            } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (j < n) {
                    char d = sql.charAt(j);
                    if (d == close) {
                        if (close != ']' && j + 1 < n && sql.charAt(j + 1) == close) {
                            value.append(d);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    value.append(d);
                    j++;
                }
                int end = Math.min(j + 1, n);
                out.add(new Token(c == '\'' ? Kind.STRING : Kind.QUOTED, value.toString(), i, end));
                i = end;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$' || sql.charAt(j) > 127)) {
                    j++;
                }
                out.add(new Token(Kind.WORD, sql.substring(i, j), i, j));
                i = j;
            } else {
                out.add(new Token(Kind.PUNCT, String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return out;
    }
}
