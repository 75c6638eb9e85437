package dev.retort.core.domain.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A portable column type. Each dialect maps it to its nearest native type.
 * Text form (as in revision files and schema.yaml): {@code bigint}, {@code varchar(255)},
 * {@code decimal(12,2)}, {@code enum('a','b')}; unknown names are kept as {@link Kind#OTHER}.
 */
public record ColumnType(Kind kind, Integer length, Integer precision, Integer scale, List<String> values, String raw) {

    public enum Kind {
        SMALLINT("smallint"), INTEGER("integer"), BIGINT("bigint"),
        DECIMAL("decimal"), REAL("real"), DOUBLE("double"),
        BOOLEAN("boolean"),
        CHAR("char"), VARCHAR("varchar"), TEXT("text"),
        DATE("date"), TIME("time"), TIMESTAMP("timestamp"), TIMESTAMP_TZ("timestamptz"),
        UUID("uuid"), JSON("json"), JSONB("jsonb"),
        BINARY("binary"), BLOB("blob"),
        ENUM("enum"),
        OTHER("");

        private final String canonical;

        Kind(String canonical) {
            this.canonical = canonical;
        }

        public String canonical() {
            return canonical;
        }
    }

    public ColumnType {
        Objects.requireNonNull(kind, "kind");
        values = values == null ? List.of() : List.copyOf(values);
        if (kind == Kind.OTHER && (raw == null || raw.isBlank())) {
            throw new IllegalArgumentException("an OTHER type needs its raw text");
        }
        if (kind != Kind.OTHER) {
            raw = null;
        }
    }

    public static ColumnType of(Kind kind) {
        return new ColumnType(kind, null, null, null, List.of(), null);
    }

    public static ColumnType varchar(int length) {
        return new ColumnType(Kind.VARCHAR, length, null, null, List.of(), null);
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(Kind.DECIMAL, null, precision, scale, List.of(), null);
    }

    /**
     * Parses the portable text form.
     *
     * @throws IllegalArgumentException with a readable message when the text is malformed
     */
    public static ColumnType parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a column type is required (e.g. bigint, varchar(255), decimal(12,2))");
        }
        String t = text.trim();
        String name = t;
        String args = null;
        int open = t.indexOf('(');
        if (open >= 0) {
            int close = t.lastIndexOf(')');
            if (close < open) {
                throw new IllegalArgumentException("type '" + text + "' has an unclosed '('");
            }
            // PostgreSQL writes the precision before the rest of the name: timestamp(3) with time zone.
            name = (t.substring(0, open).trim() + " " + t.substring(close + 1).trim()).trim();
            args = t.substring(open + 1, close).trim();
        }
        String n = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Kind kind = switch (n) {
            case "smallint", "int2", "short" -> Kind.SMALLINT;
            case "int", "integer", "int4" -> Kind.INTEGER;
            case "bigint", "int8", "long" -> Kind.BIGINT;
            case "decimal", "numeric" -> Kind.DECIMAL;
            case "real", "float", "float4" -> Kind.REAL;
            case "double", "double precision", "float8" -> Kind.DOUBLE;
            case "boolean", "bool" -> Kind.BOOLEAN;
            case "char", "character" -> Kind.CHAR;
            case "varchar", "character varying", "string" -> Kind.VARCHAR;
            case "text", "clob" -> Kind.TEXT;
            case "date" -> Kind.DATE;
            case "time", "time without time zone" -> Kind.TIME;
            case "timestamp", "datetime", "timestamp without time zone" -> Kind.TIMESTAMP;
            case "timestamptz", "timestamp with time zone" -> Kind.TIMESTAMP_TZ;
            case "uuid" -> Kind.UUID;
            case "json" -> Kind.JSON;
            case "jsonb" -> Kind.JSONB;
            case "binary", "varbinary" -> Kind.BINARY;
            case "blob", "bytea" -> Kind.BLOB;
            case "enum" -> Kind.ENUM;
            default -> Kind.OTHER;
        };
        if (kind == Kind.OTHER) {
            return new ColumnType(Kind.OTHER, null, null, null, List.of(), t);
        }
        if (kind == Kind.ENUM) {
            if (args == null || args.isEmpty()) {
                throw new IllegalArgumentException("enum type '" + text + "' needs its values, e.g. enum('new','paid')");
            }
            return new ColumnType(Kind.ENUM, null, null, null, parseEnumValues(args, text), null);
        }
        if (args == null || args.isEmpty()) {
            return of(kind);
        }
        String[] parts = args.split(",");
        try {
            switch (kind) {
                case CHAR, VARCHAR, BINARY -> {
                    if (parts.length != 1) {
                        throw new IllegalArgumentException("type '" + text + "' takes one length, e.g. varchar(255)");
                    }
                    return new ColumnType(kind, positive(parts[0], text), null, null, List.of(), null);
                }
                case DECIMAL -> {
                    if (parts.length > 2) {
                        throw new IllegalArgumentException("type '" + text + "' takes precision and scale, e.g. decimal(12,2)");
                    }
                    int p = positive(parts[0], text);
                    int s = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : 0;
                    if (s < 0 || s > p) {
                        throw new IllegalArgumentException("type '" + text + "': scale must be between 0 and the precision");
                    }
                    return new ColumnType(kind, null, p, s, List.of(), null);
                }
                case TIME, TIMESTAMP, TIMESTAMP_TZ -> {
                    int p = Integer.parseInt(parts[0].trim());
                    if (parts.length != 1 || p < 0) {
                        throw new IllegalArgumentException("type '" + text + "' takes one fractional-seconds precision (0 or more), e.g. timestamp(3)");
                    }
                    return new ColumnType(kind, null, p, null, List.of(), null);
                }
                default -> throw new IllegalArgumentException("type '" + name + "' takes no arguments, found '" + text + "'");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("type '" + text + "' has a non-numeric argument", e);
        }
    }

    private static int positive(String s, String text) {
        int v = Integer.parseInt(s.trim());
        if (v <= 0) {
            throw new IllegalArgumentException("type '" + text + "': length must be positive");
        }
        return v;
    }

    private static List<String> parseEnumValues(String args, String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < args.length()) {
            char c = args.charAt(i);
            if (Character.isWhitespace(c) || c == ',') {
                i++;
                continue;
            }
            if (c == '\'' || c == '"') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (true) {
                    if (j >= args.length()) {
                        throw new IllegalArgumentException("enum type '" + text + "' has an unclosed quote");
                    }
                    char d = args.charAt(j);
                    if (d == c) {
                        if (j + 1 < args.length() && args.charAt(j + 1) == c) {
                            sb.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    sb.append(d);
                    j++;
                }
                out.add(sb.toString());
                i = j + 1;
            } else {
                int j = args.indexOf(',', i);
                if (j < 0) {
                    j = args.length();
                }
                out.add(args.substring(i, j).trim());
                i = j;
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("enum type '" + text + "' needs at least one value");
        }
        return out;
    }

    /** The canonical portable text, which {@link #parse} reads back to an equal value. */
    @Override
    public String toString() {
        return switch (kind) {
            case OTHER -> raw;
            case ENUM -> {
                StringBuilder sb = new StringBuilder("enum(");
                for (int i = 0; i < values.size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    sb.append('\'').append(values.get(i).replace("'", "''")).append('\'');
                }
                yield sb.append(')').toString();
            }
            case CHAR, VARCHAR, BINARY -> length == null ? kind.canonical() : kind.canonical() + "(" + length + ")";
            case DECIMAL -> precision == null ? kind.canonical() : kind.canonical() + "(" + precision + "," + (scale == null ? 0 : scale) + ")";
            case TIME, TIMESTAMP, TIMESTAMP_TZ -> precision == null ? kind.canonical() : kind.canonical() + "(" + precision + ")";
            default -> kind.canonical();
        };
    }
}
