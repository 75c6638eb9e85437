package dev.retort.dialect.mysql;

import dev.retort.core.domain.schema.ColumnType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SQL text as MySQL and MariaDB write it: a small tokenizer (strings with both {@code ''} and
 * backslash escapes, backtick identifiers, charset introducers), string literals, and the
 * canonical spellings of defaults and check expressions that the inspector reports and the
 * normalizer compares. Stateless.
 */
final class MysqlSql {
    private MysqlSql() {
    }

    enum Kind { STRING, IDENT, WORD, NUMBER, BITS, OP }

    /** One token; for {@code STRING} and {@code IDENT} the text is the decoded value. */
    record Token(Kind kind, String text) {
        boolean is(String op) {
            return (kind == Kind.OP || kind == Kind.WORD) && text.equalsIgnoreCase(op);
        }

        boolean wordish() {
            return kind == Kind.WORD || kind == Kind.IDENT || kind == Kind.NUMBER;
        }
    }

    /** Thrown by {@link #tokenize} for text it cannot read (an unclosed quote). */
    static final class SyntaxException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        SyntaxException(String message) {
            super(message);
        }
    }

    private static final String[] OPERATORS = {"->>", "<=>", "->", ">=", "<=", "<>", "!=", "||", "&&", ":=", "<<", ">>"};

    /** Tokens of {@code sql}; charset introducers ({@code _utf8mb4'x'}) are dropped. */
    static List<Token> tokenize(String sql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                StringBuilder sb = new StringBuilder();
                i = readQuoted(sql, i, c, sb, true);
                out.add(new Token(Kind.STRING, sb.toString()));
            } else if (c == '`') {
                StringBuilder sb = new StringBuilder();
                i = readQuoted(sql, i, '`', sb, false);
                out.add(new Token(Kind.IDENT, sb.toString()));
            } else if (Character.isDigit(c) || c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
                int j = i;
                while (j < n && (Character.isDigit(sql.charAt(j)) || sql.charAt(j) == '.')) {
                    j++;
                }
                if (j < n && (sql.charAt(j) == 'e' || sql.charAt(j) == 'E')) {
                    int k = j + 1;
                    if (k < n && (sql.charAt(k) == '+' || sql.charAt(k) == '-')) {
                        k++;
                    }
                    if (k < n && Character.isDigit(sql.charAt(k))) {
                        j = k;
                        while (j < n && Character.isDigit(sql.charAt(j))) {
                            j++;
                        }
                    }
                }
                out.add(new Token(Kind.NUMBER, sql.substring(i, j)));
                i = j;
            } else if (Character.isLetter(c) || c == '_' || c == '$') {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
                    j++;
                }
                String word = sql.substring(i, j);
                if (j < n && sql.charAt(j) == '\'' && (word.equalsIgnoreCase("b") || word.equalsIgnoreCase("x"))) {
                    StringBuilder sb = new StringBuilder();
                    j = readQuoted(sql, j, '\'', sb, true);
                    out.add(new Token(Kind.BITS, word.toLowerCase(Locale.ROOT) + "'" + sb.toString().toLowerCase(Locale.ROOT) + "'"));
                } else if (!(word.startsWith("_") && j < n && (sql.charAt(j) == '\'' || sql.charAt(j) == '"'))) {
                    out.add(new Token(Kind.WORD, word));
                }
                i = j;
            } else {
                String op = String.valueOf(c);
                for (String candidate : OPERATORS) {
                    if (sql.startsWith(candidate, i)) {
                        op = candidate;
                        break;
                    }
                }
                out.add(new Token(Kind.OP, op));
                i += op.length();
            }
        }
        return out;
    }

    /** Reads a quoted run starting at {@code start}; returns the index after the closing quote. */
    private static int readQuoted(String sql, int start, char quote, StringBuilder value, boolean backslashEscapes) {
        int i = start + 1;
        while (true) {
            if (i >= sql.length()) {
                throw new SyntaxException("unclosed " + quote + " in: " + sql);
            }
            char d = sql.charAt(i);
            if (backslashEscapes && d == '\\' && i + 1 < sql.length()) {
                char e = sql.charAt(i + 1);
                switch (e) {
                    case '0' -> value.append('\0');
                    case 'b' -> value.append('\b');
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'Z' -> value.append('\u001a');
                    case '%', '_' -> value.append('\\').append(e);
                    default -> value.append(e);
                }
                i += 2;
            } else if (d == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    value.append(quote);
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                value.append(d);
                i++;
            }
        }
    }

    /** A string literal holding exactly {@code value}, valid whether or not backslashes escape. */
    static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** {@code tokens} without parentheses that enclose all of them. */
    static List<Token> stripOuterParens(List<Token> tokens) {
        List<Token> t = tokens;
        while (t.size() >= 2 && t.get(0).is("(") && closing(t, 0) == t.size() - 1) {
            t = t.subList(1, t.size() - 1);
        }
        return t;
    }

    private static int closing(List<Token> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).is("(")) {
                depth++;
            } else if (t.get(i).is(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The comparison form of an expression: lower case outside literals, identifiers without
     * backticks, charset introducers dropped, literals in one quoting, no outer parentheses, and
     * spaces only between words. Not meant to run; two spellings of one expression give one form.
     */
    static String compact(String sql) {
        List<Token> tokens;
        try {
            tokens = stripOuterParens(tokenize(sql));
        } catch (SyntaxException e) {
            return sql.strip();
        }
        StringBuilder sb = new StringBuilder();
        Token previous = null;
        for (Token t : tokens) {
            if (previous != null && previous.wordish() && t.wordish()) {
                sb.append(' ');
            }
            sb.append(switch (t.kind()) {
                case STRING -> quote(t.text());
                case IDENT, WORD, NUMBER, OP, BITS -> t.text().toLowerCase(Locale.ROOT);
            });
            previous = t;
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- defaults

    private static final Set<String> NOW = Set.of("current_timestamp", "now", "localtimestamp", "localtime");
    private static final Set<String> TODAY = Set.of("current_date", "curdate");
    private static final Set<String> TIME_NOW = Set.of("current_time", "curtime");

    /**
     * One spelling for a default, still valid SQL: {@code NULL} is no default; the current-time
     * functions are {@code CURRENT_TIMESTAMP}, {@code CURRENT_DATE} and {@code CURRENT_TIME},
     * with the column's fractional-seconds precision (MySQL requires it to match, MariaDB fills
     * it in); numbers lose trailing zeros and quotes on numeric columns; booleans are
     * {@code true}/{@code false}; strings are single-quoted; an expression loses its outer
     * parentheses.
     *
     * @param type the column's type, already in MySQL's terms (see {@link MysqlTypes#stored})
     * @return the default, or null for none
     */
    static String canonicalDefault(ColumnType type, String expression) {
        if (expression == null) {
            return null;
        }
        List<Token> tokens;
        try {
            tokens = stripOuterParens(tokenize(expression));
        } catch (SyntaxException e) {
            return expression.strip();
        }
        if (tokens.isEmpty()) {
            return expression.strip();
        }
        if (tokens.size() == 1) {
            Token t = tokens.get(0);
            switch (t.kind()) {
                case WORD -> {
                    String w = t.text().toLowerCase(Locale.ROOT);
                    if (w.equals("null")) {
                        return null;
                    }
                    if (w.equals("true") || w.equals("false")) {
                        return bool(type, w.equals("true"));
                    }
                }
                case NUMBER -> {
                    return number(type, t.text());
                }
                case STRING -> {
                    return string(type, t.text());
                }
                case BITS -> {
                    if (type.kind() == ColumnType.Kind.BOOLEAN && t.text().startsWith("b'")) {
                        return bool(type, t.text().contains("1"));
                    }
                    return t.text();
                }
                default -> {
                }
            }
        }
        if (tokens.size() == 2 && tokens.get(0).is("-") && tokens.get(1).kind() == Kind.NUMBER) {
            return number(type, "-" + tokens.get(1).text());
        }
        String clock = clockFunction(type, tokens);
        if (clock != null) {
            return clock;
        }
        String s = expression.strip();
        while (s.startsWith("(") && s.endsWith(")") && stripOuterParens(tokenize(s)).size() < tokenize(s).size()) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    /** {@code now()}, {@code current_timestamp(3)}, {@code curdate()}, ... in one spelling, or null for another expression. */
    private static String clockFunction(ColumnType type, List<Token> tokens) {
        if (tokens.get(0).kind() != Kind.WORD) {
            return null;
        }
        String name = tokens.get(0).text().toLowerCase(Locale.ROOT);
        Integer precision = null;
        if (tokens.size() == 3 && tokens.get(1).is("(") && tokens.get(2).is(")")) {
            precision = 0;
        } else if (tokens.size() == 4 && tokens.get(1).is("(") && tokens.get(2).kind() == Kind.NUMBER && tokens.get(3).is(")")) {
            precision = Integer.parseInt(tokens.get(2).text());
        } else if (tokens.size() != 1) {
            return null;
        }
        boolean timestamp = NOW.contains(name);
        if (!timestamp && !TIME_NOW.contains(name)) {
            return TODAY.contains(name) && (precision == null || precision == 0) ? "CURRENT_DATE" : null;
        }
        if ((precision == null || precision == 0) && type.precision() != null && switch (type.kind()) {
            case TIME, TIMESTAMP, TIMESTAMP_TZ -> true;
            default -> false;
        }) {
            precision = type.precision();
        }
        String base = timestamp ? "CURRENT_TIMESTAMP" : "CURRENT_TIME";
        return precision == null || precision == 0 ? base : base + "(" + precision + ")";
    }

    /** Whether a canonical default is a literal (quoted, numeric, boolean, bits) rather than an expression. */
    static boolean isLiteral(String canonical) {
        List<Token> tokens;
        try {
            tokens = tokenize(canonical);
        } catch (SyntaxException e) {
            return false;
        }
        if (tokens.size() == 2 && tokens.get(0).is("-") && tokens.get(1).kind() == Kind.NUMBER) {
            return true;
        }
        if (tokens.size() != 1) {
            return false;
        }
        Token t = tokens.get(0);
        return t.kind() == Kind.STRING || t.kind() == Kind.NUMBER || t.kind() == Kind.BITS
                || t.kind() == Kind.WORD && Set.of("true", "false", "null").contains(t.text().toLowerCase(Locale.ROOT));
    }

    /** Whether a canonical default is {@code CURRENT_TIMESTAMP} or {@code CURRENT_TIMESTAMP(p)}. */
    static boolean isCurrentTimestamp(String canonical) {
        return canonical.startsWith("CURRENT_TIMESTAMP");
    }

    private static final java.util.regex.Pattern NUMERIC_RAW =
            java.util.regex.Pattern.compile("(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|real)\\b.*");

    private static boolean numeric(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT, INTEGER, BIGINT, DECIMAL, REAL, DOUBLE -> true;
            case OTHER -> NUMERIC_RAW.matcher(type.raw().toLowerCase(Locale.ROOT)).matches();
            default -> false;
        };
    }

    private static boolean textual(ColumnType type) {
        return switch (type.kind()) {
            case CHAR, VARCHAR, TEXT, ENUM, UUID, JSON, JSONB, DATE, TIME, TIMESTAMP, TIMESTAMP_TZ -> true;
            default -> false;
        };
    }

    private static String bool(ColumnType type, boolean value) {
        if (type.kind() == ColumnType.Kind.BOOLEAN) {
            return value ? "true" : "false";
        }
        if (textual(type)) {
            return quote(value ? "1" : "0");
        }
        return value ? "1" : "0";
    }

    private static String number(ColumnType type, String text) {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            return text;
        }
        if (type.kind() == ColumnType.Kind.BOOLEAN) {
            return bool(type, value.signum() != 0);
        }
        if (textual(type)) {
            return quote(text);
        }
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static String string(ColumnType type, String value) {
        if (type.kind() == ColumnType.Kind.BOOLEAN) {
            String v = value.strip().toLowerCase(Locale.ROOT);
            if (v.equals("true") || v.equals("false")) {
                return bool(type, v.equals("true"));
            }
        }
        if (numeric(type) || type.kind() == ColumnType.Kind.BOOLEAN) {
            try {
                new BigDecimal(value.strip());
                return number(type, value.strip());
            } catch (NumberFormatException e) {
                return quote(value);
            }
        }
        return quote(value);
    }

    // ---------------------------------------------------------------- check expressions

    /**
     * A check clause as the catalog reports it, made readable and still valid SQL: outer
     * parentheses (MySQL adds them) and {@code utf8mb4} introducers removed, backticks dropped
     * around names that need none.
     */
    static String readableCheck(String clause) {
        String s = clause.strip();
        try {
            List<Token> all = tokenize(s);
            while (s.startsWith("(") && s.endsWith(")") && stripOuterParens(all).size() < all.size()) {
                s = s.substring(1, s.length() - 1).strip();
                all = tokenize(s);
            }
        } catch (SyntaxException e) {
            return clause.strip();
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = readQuoted(s, i, c, new StringBuilder(), true);
                out.append(s, i, end);
                i = end;
            } else if (c == '`') {
                StringBuilder name = new StringBuilder();
                int end = readQuoted(s, i, '`', name, false);
                out.append(needsQuotes(name.toString()) ? s.substring(i, end) : name);
                i = end;
            } else if (c == '_' && s.regionMatches(true, i, "_utf8mb4'", 0, 9) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                i += "_utf8mb4".length();
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Whether a name must be backtick-quoted: not a plain word, or a reserved word. */
    static boolean needsQuotes(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return true;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '_'))) {
                return true;
            }
        }
        return RESERVED.contains(name.toUpperCase(Locale.ROOT));
    }

    /** MySQL 8.4 and MariaDB 10.11 reserved words. */
    private static final Set<String> RESERVED = Set.of(("ACCESSIBLE ADD ALL ALTER ANALYZE AND AS ASC ASENSITIVE BEFORE BETWEEN BIGINT BINARY BLOB BOTH BY CALL "
            + "CASCADE CASE CHANGE CHAR CHARACTER CHECK COLLATE COLUMN CONDITION CONSTRAINT CONTINUE CONVERT CREATE CROSS CUBE CUME_DIST "
            + "CURRENT_DATE CURRENT_ROLE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DATABASES DAY_HOUR DAY_MICROSECOND "
            + "DAY_MINUTE DAY_SECOND DEC DECIMAL DECLARE DEFAULT DELAYED DELETE DELETE_DOMAIN_ID DENSE_RANK DESC DESCRIBE DETERMINISTIC "
            + "DISTINCT DISTINCTROW DIV DO_DOMAIN_IDS DOUBLE DROP DUAL EACH ELSE ELSEIF EMPTY ENCLOSED ESCAPED EXCEPT EXISTS EXIT EXPLAIN "
            + "FALSE FETCH FIRST_VALUE FLOAT FLOAT4 FLOAT8 FOR FORCE FOREIGN FROM FULLTEXT FUNCTION GENERAL GENERATED GET GRANT GROUP "
            + "GROUPING GROUPS HAVING HIGH_PRIORITY HOUR_MICROSECOND HOUR_MINUTE HOUR_SECOND IF IGNORE IGNORE_DOMAIN_IDS IGNORE_SERVER_IDS "
            + "IN INDEX INFILE INNER INOUT INSENSITIVE INSERT INT INT1 INT2 INT3 INT4 INT8 INTEGER INTERSECT INTERVAL INTO IO_AFTER_GTIDS "
            + "IO_BEFORE_GTIDS IS ITERATE JOIN JSON_TABLE KEY KEYS KILL LAG LAST_VALUE LATERAL LEAD LEADING LEAVE LEFT LIKE LIMIT LINEAR "
            + "LINES LOAD LOCALTIME LOCALTIMESTAMP LOCK LONG LONGBLOB LONGTEXT LOOP LOW_PRIORITY MANUAL MASTER_BIND MASTER_HEARTBEAT_PERIOD "
            + "MASTER_SSL_VERIFY_SERVER_CERT MATCH MAXVALUE MEDIUMBLOB MEDIUMINT MEDIUMTEXT MIDDLEINT MINUTE_MICROSECOND MINUTE_SECOND MOD "
            + "MODIFIES NATURAL NOT NO_WRITE_TO_BINLOG NTH_VALUE NTILE NULL NUMERIC OF OFFSET ON OPTIMIZE OPTIMIZER_COSTS OPTION OPTIONALLY "
            + "OR ORDER OUT OUTER OUTFILE OVER PAGE_CHECKSUM PARALLEL PARSE_VCOL_EXPR PARTITION PERCENT_RANK POSITION PRECISION PRIMARY "
            + "PROCEDURE PURGE QUALIFY RANGE RANK READ READS READ_WRITE REAL RECURSIVE REF_SYSTEM_ID REFERENCES REGEXP RELEASE RENAME "
            + "REPEAT REPLACE REQUIRE RESIGNAL RESTRICT RETURN RETURNING REVOKE RIGHT RLIKE ROW ROW_NUMBER ROWS SCHEMA SCHEMAS "
            + "SECOND_MICROSECOND SELECT SENSITIVE SEPARATOR SET SHOW SIGNAL SLOW SMALLINT SPATIAL SPECIFIC SQL SQL_BIG_RESULT "
            + "SQL_CALC_FOUND_ROWS SQL_SMALL_RESULT SQLEXCEPTION SQLSTATE SQLWARNING SSL STARTING STATS_AUTO_RECALC STATS_PERSISTENT "
            + "STATS_SAMPLE_PAGES STORED STRAIGHT_JOIN SYSTEM TABLE TERMINATED THEN TINYBLOB TINYINT TINYTEXT TO TRAILING TRIGGER TRUE "
            + "UNDO UNION UNIQUE UNLOCK UNSIGNED UPDATE USAGE USE USING UTC_DATE UTC_TIME UTC_TIMESTAMP VALUES VARBINARY VARCHAR "
            + "VARCHARACTER VARYING VIRTUAL WHEN WHERE WHILE WINDOW WITH WRITE XOR YEAR_MONTH ZEROFILL").split(" "));
}
