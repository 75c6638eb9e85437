package dev.retort.dialect.mysql;

import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ColumnType.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Portable types and MySQL's column types, both ways. The rule that keeps MODIFY COLUMN safe: a
 * catalog type becomes a portable type only when the renderer writes that portable type back as
 * the very same MySQL type; anything else (unsigned, mediumtext, varbinary, set, a column
 * collation, ...) stays {@link Kind#OTHER} with the catalog's text, which renders unchanged.
 */
final class MysqlTypes {
    private MysqlTypes() {
    }

    /** What {@code varchar} without a length becomes: MySQL needs one; 255 fits in an index with utf8mb4. */
    static final int DEFAULT_VARCHAR_LENGTH = 255;

    private static final Pattern INT_WIDTH = Pattern.compile("(tinyint|smallint|mediumint|int|integer|bigint)\\((\\d+)\\)(.*)");
    private static final Pattern DECIMAL = Pattern.compile("(?:decimal|numeric)\\((\\d+)(?:,(\\d+))?\\)");
    private static final Pattern SIZED = Pattern.compile("(char|varchar|binary)\\((\\d+)\\)");
    private static final Pattern TEMPORAL = Pattern.compile("(time|datetime|timestamp)\\((\\d+)\\)");

    /**
     * The portable type for a catalog {@code COLUMN_TYPE} (or a raw type from a model): display
     * widths dropped, {@code tinyint(1)} is boolean, {@code datetime} is timestamp,
     * {@code timestamp} is timestamptz; anything without an exact portable twin is OTHER.
     */
    static ColumnType fromColumnType(String columnType) {
        String t = tidy(columnType);
        if (t.startsWith("enum(") && t.endsWith(")")) {
            List<String> values = enumValues(t.substring(5, t.length() - 1));
            if (values != null) {
                return new ColumnType(Kind.ENUM, null, null, null, values, null);
            }
            return other(t);
        }
        Matcher m = INT_WIDTH.matcher(t);
        if (m.matches()) {
            if (m.group(1).equals("tinyint") && m.group(2).equals("1") && m.group(3).isEmpty()) {
                return ColumnType.of(Kind.BOOLEAN);
            }
            t = m.group(1) + m.group(3);
        }
        switch (t) {
            case "boolean", "bool" -> {
                return ColumnType.of(Kind.BOOLEAN);
            }
            case "smallint" -> {
                return ColumnType.of(Kind.SMALLINT);
            }
            case "int", "integer" -> {
                return ColumnType.of(Kind.INTEGER);
            }
            case "bigint" -> {
                return ColumnType.of(Kind.BIGINT);
            }
            case "float" -> {
                return ColumnType.of(Kind.REAL);
            }
            case "double", "double precision" -> {
                return ColumnType.of(Kind.DOUBLE);
            }
            case "text" -> {
                return ColumnType.of(Kind.TEXT);
            }
            case "date" -> {
                return ColumnType.of(Kind.DATE);
            }
            case "time" -> {
                return ColumnType.of(Kind.TIME);
            }
            case "datetime" -> {
                return ColumnType.of(Kind.TIMESTAMP);
            }
            case "timestamp" -> {
                return ColumnType.of(Kind.TIMESTAMP_TZ);
            }
            case "json" -> {
                return ColumnType.of(Kind.JSON);
            }
            case "blob" -> {
                return ColumnType.of(Kind.BLOB);
            }
            case "decimal", "numeric" -> {
                return ColumnType.decimal(10, 0);
            }
            default -> {
            }
        }
        if ((m = DECIMAL.matcher(t)).matches()) {
            int p = Integer.parseInt(m.group(1));
            int s = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
            if (p > 0 && s <= p) {
                return ColumnType.decimal(p, s);
            }
        } else if ((m = SIZED.matcher(t)).matches()) {
            int n = Integer.parseInt(m.group(2));
            if (n > 0) {
                Kind kind = switch (m.group(1)) {
                    case "char" -> Kind.CHAR;
                    case "varchar" -> Kind.VARCHAR;
                    default -> Kind.BINARY;
                };
                return new ColumnType(kind, n, null, null, List.of(), null);
            }
        } else if ((m = TEMPORAL.matcher(t)).matches()) {
            int p = Integer.parseInt(m.group(2));
            Kind kind = switch (m.group(1)) {
                case "time" -> Kind.TIME;
                case "datetime" -> Kind.TIMESTAMP;
                default -> Kind.TIMESTAMP_TZ;
            };
            return new ColumnType(kind, null, p == 0 ? null : p, null, List.of(), null);
        }
        return other(t);
    }

    private static ColumnType other(String text) {
        return new ColumnType(Kind.OTHER, null, null, null, List.of(), text);
    }

    /** The values of an enum's argument list, or null when it holds anything but string literals. */
    private static List<String> enumValues(String args) {
        List<MysqlSql.Token> tokens;
        try {
            tokens = MysqlSql.tokenize(args);
        } catch (MysqlSql.SyntaxException e) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            MysqlSql.Token t = tokens.get(i);
            if (i % 2 == 0 && t.kind() == MysqlSql.Kind.STRING) {
                values.add(t.text());
            } else if (i % 2 == 1 && t.is(",")) {
                continue;
            } else {
                return null;
            }
        }
        return values.isEmpty() || tokens.size() % 2 == 0 ? null : values;
    }

    /** Lower case and single spaces outside quotes, no spaces inside parentheses next to {@code (} {@code ,} {@code )}. */
    static String tidy(String text) {
        String s = text.strip();
        StringBuilder out = new StringBuilder(s.length());
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\' && quote != '`' && i + 1 < s.length()) {
                    out.append(c).append(s.charAt(++i));
                    continue;
                }
                if (c == quote) {
                    quote = 0;
                }
                out.append(c);
            } else if (Character.isWhitespace(c)) {
                int j = i;
                while (j + 1 < s.length() && Character.isWhitespace(s.charAt(j + 1))) {
                    j++;
                }
                char before = out.length() == 0 ? '(' : out.charAt(out.length() - 1);
                char after = j + 1 < s.length() ? s.charAt(j + 1) : ')';
                if (before != '(' && before != ',' && after != ')' && after != ',') {
                    out.append(' ');
                }
                i = j;
            } else {
                if (c == '\'' || c == '"' || c == '`') {
                    quote = c;
                }
                out.append(Character.toLowerCase(c));
            }
        }
        return out.toString();
    }

    /**
     * The type MySQL keeps for a model type, as the inspector will report it: jsonb is json, uuid
     * is char(36), varchar without length is varchar(255), char is char(1), decimal is
     * decimal(10,0), a zero fractional-seconds precision is none, binary without length is blob,
     * and raw types are read like catalog types.
     */
    static ColumnType stored(ColumnType type) {
        return switch (type.kind()) {
            case JSONB -> ColumnType.of(Kind.JSON);
            case UUID -> new ColumnType(Kind.CHAR, 36, null, null, List.of(), null);
            case VARCHAR -> type.length() == null ? ColumnType.varchar(DEFAULT_VARCHAR_LENGTH) : type;
            case CHAR -> type.length() == null ? new ColumnType(Kind.CHAR, 1, null, null, List.of(), null) : type;
            case DECIMAL -> type.precision() == null ? ColumnType.decimal(10, 0)
                    : ColumnType.decimal(type.precision(), type.scale() == null ? 0 : type.scale());
            case TIME, TIMESTAMP, TIMESTAMP_TZ -> type.precision() != null && type.precision() == 0
                    ? ColumnType.of(type.kind()) : type;
            case BINARY -> type.length() == null ? ColumnType.of(Kind.BLOB) : type;
            case OTHER -> fromColumnType(type.raw());
            default -> type;
        };
    }

    /**
     * Whether MySQL can index the column as a whole. TEXT, BLOB and JSON columns need a prefix
     * length (JSON cannot be indexed at all), which the model does not carry.
     */
    static boolean indexable(ColumnType type) {
        ColumnType s = stored(type);
        return switch (s.kind()) {
            case TEXT, BLOB, JSON -> false;
            case OTHER -> {
                String raw = s.raw().toLowerCase(Locale.ROOT);
                yield !(raw.contains("text") || raw.contains("blob") || raw.startsWith("json"));
            }
            default -> true;
        };
    }
}
