package dev.retort.dialect.postgres;

import dev.retort.core.domain.schema.ColumnType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Canonical spellings of the SQL text PostgreSQL gives back: column types ({@code format_type}),
 * default expressions ({@code pg_get_expr}) and check expressions ({@code pg_get_constraintdef}).
 * Used by the inspector on what it reads and by {@link PostgresSchemaNormalizer} on both sides of
 * a comparison, so every function here is idempotent.
 */
final class PostgresExpressions {
    private static final String LITERAL = "'(?:[^']|'')*'";
    private static final String NUMBER = "-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?";
    private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[A-Za-z_][A-Za-z0-9_$]*)";
    private static final String TYPE = "(?:" + NAME + "\\.)?(?:character varying|double precision|bit varying"
            + "|time(?:stamp)?(?:\\(\\d+\\))? with(?:out)? time zone|" + NAME + ")(?:\\(\\d+(?:,\\s*\\d+)?\\))?(?:\\[\\])*";
    /** {@code 'x'::text}, {@code ('x')::text}, {@code (0)::numeric}, {@code 1::bigint}. */
    private static final Pattern CAST = Pattern.compile("(" + LITERAL + "|\\(" + LITERAL + "\\)|\\(" + NUMBER + "\\)|(?<![\\w.])" + NUMBER + ")::(" + TYPE + ")");
    private static final Pattern NUMERIC_TEXT = Pattern.compile(NUMBER);
    private static final Pattern DATETIME = Pattern.compile("(timestamp|time)(\\(\\d+\\))? with(out)? time zone");
    private static final Set<String> NUMERIC_TYPES = Set.of("smallint", "integer", "bigint", "numeric", "real", "double precision", "int2", "int4",
            "int8", "float4", "float8", "decimal");
    private static final Map<String, String> CURRENT = Map.of("now()", "CURRENT_TIMESTAMP", "current_timestamp", "CURRENT_TIMESTAMP",
            "transaction_timestamp()", "CURRENT_TIMESTAMP", "current_date", "CURRENT_DATE", "current_time", "CURRENT_TIME",
            "localtimestamp", "LOCALTIMESTAMP", "localtime", "LOCALTIME", "current_user", "CURRENT_USER");
    private static final Set<String> TRUE = Set.of("true", "'true'", "'t'", "'yes'", "'y'", "'on'", "'1'");
    private static final Set<String> FALSE = Set.of("false", "'false'", "'f'", "'no'", "'n'", "'off'", "'0'");
    /** PostgreSQL's own names for types the model spells differently, for {@link ColumnType.Kind#OTHER} types. */
    private static final Map<String, String> OTHER_ALIASES = Map.of("timetz", "time with time zone", "bit varying", "bit varying",
            "varbit", "bit varying", "bool", "boolean", "float", "double precision", "int", "integer");

    private PostgresExpressions() {
    }

    /** The portable type for {@code format_type} output, e.g. {@code timestamp(3) without time zone} is {@code timestamp(3)}. */
    static ColumnType parseType(String formatted) {
        String t = formatted;
        Matcher m = DATETIME.matcher(t);
        if (m.matches()) {
            boolean withZone = m.group(3) == null;
            if (withZone && m.group(1).equals("time")) {
                return other(formatted);
            }
            t = (withZone ? "timestamptz" : m.group(1)) + (m.group(2) == null ? "" : m.group(2));
        }
        try {
            ColumnType type = ColumnType.parse(t);
            return type.kind() == ColumnType.Kind.BINARY ? ColumnType.of(ColumnType.Kind.BLOB) : type;
        } catch (IllegalArgumentException e) {
            return other(formatted);
        }
    }

    private static ColumnType other(String raw) {
        return new ColumnType(ColumnType.Kind.OTHER, null, null, null, List.of(), raw);
    }

    /**
     * The type PostgreSQL stores for {@code type}: {@code binary(n)} becomes {@code blob} (bytea),
     * {@code char} becomes {@code char(1)}, and other type names get {@code format_type}'s spelling
     * where it is known ({@code timetz}, {@code int[]}).
     */
    static ColumnType storedType(ColumnType type) {
        return switch (type.kind()) {
            case BINARY -> ColumnType.of(ColumnType.Kind.BLOB);
            case CHAR -> type.length() == null ? new ColumnType(ColumnType.Kind.CHAR, 1, null, null, List.of(), null) : type;
            case OTHER -> other(otherName(type.raw()));
            default -> type;
        };
    }

    /** {@code format_type}'s spelling of a non-portable type name, as far as it is known here. */
    static String otherName(String raw) {
        String t = collapse(raw).toLowerCase(Locale.ROOT);
        if (t.startsWith("\"")) {
            return raw.strip();
        }
        if (t.endsWith("[]")) {
            String element = t.substring(0, t.indexOf('['));
            String dims = t.substring(element.length()).replace(" ", "");
            ColumnType parsed;
            try {
                parsed = ColumnType.parse(element);
            } catch (IllegalArgumentException e) {
                return element.strip() + dims;
            }
            return (parsed.kind() == ColumnType.Kind.OTHER ? otherName(element) : formatName(storedType(parsed))) + dims;
        }
        return OTHER_ALIASES.getOrDefault(t, t);
    }

    /** {@code format_type}'s text for a portable type other than an enum. */
    static String formatName(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT -> "smallint";
            case INTEGER -> "integer";
            case BIGINT -> "bigint";
            case DECIMAL -> type.precision() == null ? "numeric" : "numeric(" + type.precision() + "," + (type.scale() == null ? 0 : type.scale()) + ")";
            case REAL -> "real";
            case DOUBLE -> "double precision";
            case BOOLEAN -> "boolean";
            case CHAR -> "character(" + (type.length() == null ? 1 : type.length()) + ")";
            case VARCHAR -> type.length() == null ? "character varying" : "character varying(" + type.length() + ")";
            case TEXT, ENUM -> "text";
            case DATE -> "date";
            case TIME -> "time" + precision(type) + " without time zone";
            case TIMESTAMP -> "timestamp" + precision(type) + " without time zone";
            case TIMESTAMP_TZ -> "timestamp" + precision(type) + " with time zone";
            case UUID -> "uuid";
            case JSON -> "json";
            case JSONB -> "jsonb";
            case BINARY, BLOB -> "bytea";
            case OTHER -> otherName(type.raw());
        };
    }

    private static String precision(ColumnType type) {
        return type.precision() == null ? "" : "(" + type.precision() + ")";
    }

    /**
     * One spelling for a column default: casts PostgreSQL adds to literals removed ({@code 'x'::text}
     * is {@code 'x'}, {@code '-1'::integer} is {@code -1}), {@code now()} and
     * {@code current_timestamp} are {@code CURRENT_TIMESTAMP}, booleans are {@code true}/{@code false},
     * quoted numbers on numeric columns are bare, and {@code NULL} is no default.
     *
     * @return the canonical text, or null for no default
     */
    static String normalizeDefault(String expression, ColumnType type) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        String e = stripOuterParens(stripCasts(collapse(expression)));
        String lower = e.toLowerCase(Locale.ROOT);
        if (lower.equals("null") || lower.startsWith("null::")) {
            return null;
        }
        String current = CURRENT.get(lower);
        if (current != null) {
            return current;
        }
        if (type.kind() == ColumnType.Kind.BOOLEAN) {
            if (TRUE.contains(lower)) {
                return "true";
            }
            if (FALSE.contains(lower)) {
                return "false";
            }
        }
        if (isNumeric(type) && e.length() > 2 && e.startsWith("'") && e.endsWith("'")) {
            String inner = e.substring(1, e.length() - 1).strip();
            if (NUMERIC_TEXT.matcher(inner).matches()) {
                return inner;
            }
        }
        return e;
    }

    /** One spelling for a check expression: casts on literals removed, whitespace collapsed, outer parentheses dropped. */
    static String normalizeCheck(String expression) {
        return stripOuterParens(stripCasts(collapse(expression)));
    }

    /** The expression inside {@code CHECK (...)} as {@code pg_get_constraintdef} prints it, without NOT VALID / NO INHERIT. */
    static String checkBody(String constraintDef) {
        String d = collapse(constraintDef);
        d = d.replaceAll("(?i)( NOT VALID| NO INHERIT)+$", "");
        if (d.regionMatches(true, 0, "CHECK ", 0, 6)) {
            d = d.substring(6).strip();
        }
        return normalizeCheck(d);
    }

    private static boolean isNumeric(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> true;
            default -> false;
        };
    }

    /** Removes casts on literals, repeatedly ({@code ('a'::t_enum)::text} is {@code 'a'}). */
    static String stripCasts(String expression) {
        String e = expression;
        while (true) {
            Matcher m = CAST.matcher(e);
            StringBuilder sb = new StringBuilder();
            boolean changed = false;
            int last = 0;
            while (m.find()) {
                if (insideQuotes(e, m.start())) {
                    continue;
                }
                String value = m.group(1);
                if (value.startsWith("(")) {
                    value = value.substring(1, value.length() - 1);
                }
                String target = m.group(2).toLowerCase(Locale.ROOT).replaceAll("\\(.*", "").replace("\"", "");
                if (value.startsWith("'") && NUMERIC_TYPES.contains(target)) {
                    String inner = value.substring(1, value.length() - 1);
                    if (NUMERIC_TEXT.matcher(inner).matches()) {
                        value = inner;
                    }
                }
                sb.append(e, last, m.start()).append(value);
                last = m.end();
                changed = true;
            }
            if (!changed) {
                return e;
            }
            sb.append(e.substring(last));
            e = sb.toString();
        }
    }

    /** Drops parentheses around the whole expression, as often as they are there. */
    static String stripOuterParens(String expression) {
        String e = expression.strip();
        while (e.length() >= 2 && e.charAt(0) == '(' && matchingParen(e, 0) == e.length() - 1) {
            e = e.substring(1, e.length() - 1).strip();
        }
        return e;
    }

    private static int matchingParen(String s, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean insideQuotes(String s, int index) {
        char quote = 0;
        for (int i = 0; i < index; i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            }
        }
        return quote != 0;
    }

    /** Whitespace runs outside quotes become one space; the ends are trimmed. */
    static String collapse(String text) {
        StringBuilder sb = new StringBuilder();
        char quote = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && sb.length() > 0) {
                sb.append(' ');
            }
            space = false;
            sb.append(c);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            }
        }
        return sb.toString();
    }
}
