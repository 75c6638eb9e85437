package dev.retort.dialect.h2;

import dev.retort.core.application.port.out.SchemaNormalizer;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * H2's type rules, applied to the model and to the inspected schema before they are compared:
 * <ul>
 * <li>types as H2 stores them: {@code jsonb} is {@code json}, {@code binary} without a length is
 *     {@code blob}, {@code char} is {@code char(1)}, {@code time(0)}, {@code timestamp(6)} and
 *     {@code timestamptz(6)} are the types without precision;</li>
 * <li>primary key and identity columns are NOT NULL; identity columns have no default;</li>
 * <li>defaults in one spelling: keywords upper case ({@code CURRENT_TIMESTAMP}), booleans lower
 *     case, string literals as written, {@code NULL} is no default;</li>
 * <li>check expressions without identifier quotes, the casts H2 adds to literals
 *     ({@code CAST(0 AS BIGINT)} is {@code 0}), outer parentheses and extra spaces;</li>
 * <li>{@code RESTRICT} is {@code NO ACTION}, as H2 reports both as RESTRICT;</li>
 * <li>names H2 makes up for unnamed constraints ({@code CONSTRAINT_} and hex digits) count as
 *     unnamed.</li>
 * </ul>
 * Stateless, thread-safe, idempotent.
 */
final class H2SchemaNormalizer implements SchemaNormalizer {
    private static final Pattern GENERATED_NAME = Pattern.compile("CONSTRAINT_[0-9A-F]+");
    private static final Pattern LITERAL_CAST = Pattern.compile("CAST\\(\\s*(-?[0-9.]+|'(?:[^']|'')*')\\s+AS\\s+[A-Za-z ]+(?:\\([0-9, ]+\\))?\\s*\\)",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Schema normalize(Schema schema) {
        return new Schema(schema.tables().stream().map(H2SchemaNormalizer::normalize).toList());
    }

    private static Table normalize(Table t) {
        List<String> key = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
        List<Column> columns = t.columns().stream().map(c -> new Column(c.name(), type(c.type()),
                c.nullable() && !key.contains(c.name()) && !c.autoincrement(), c.autoincrement() ? null : defaultValue(c.defaultValue()),
                c.autoincrement(), c.comment())).toList();
        PrimaryKey pk = t.primaryKey() == null ? null : new PrimaryKey(name(t.primaryKey().name()), t.primaryKey().columns());
        List<UniqueConstraint> uniques = t.uniqueConstraints().stream().map(u -> new UniqueConstraint(name(u.name()), u.columns())).toList();
        List<ForeignKey> fks = t.foreignKeys().stream()
                .map(f -> new ForeignKey(name(f.name()), f.columns(), f.referencedTable(), f.referencedColumns(), action(f.onDelete()),
                        action(f.onUpdate())))
                .toList();
        List<CheckConstraint> checks = t.checks().stream().map(c -> new CheckConstraint(name(c.name()), expression(c.expression()))).toList();
        return new Table(t.name(), columns, pk, uniques, t.indexes(), fks, checks, t.comment());
    }

    static ColumnType type(ColumnType type) {
        return switch (type.kind()) {
            case JSONB -> ColumnType.of(ColumnType.Kind.JSON);
            case BINARY -> type.length() == null ? ColumnType.of(ColumnType.Kind.BLOB) : type;
            case CHAR -> type.length() == null ? new ColumnType(ColumnType.Kind.CHAR, 1, null, null, List.of(), null) : type;
            case TIME -> withoutPrecision(type, 0);
            case TIMESTAMP, TIMESTAMP_TZ -> withoutPrecision(type, 6);
            case OTHER -> new ColumnType(ColumnType.Kind.OTHER, null, null, null, List.of(), type.raw().strip().toLowerCase(Locale.ROOT));
            default -> type;
        };
    }

    private static ColumnType withoutPrecision(ColumnType type, int byDefault) {
        return type.precision() != null && type.precision() == byDefault ? ColumnType.of(type.kind()) : type;
    }

    static String defaultValue(String expression) {
        if (expression == null) {
            return null;
        }
        String e = expression.strip();
        if (e.startsWith("'") && e.endsWith("'") && e.length() >= 2) {
            return e;
        }
        e = LITERAL_CAST.matcher(e).replaceAll("$1").replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return switch (e) {
            case "", "NULL" -> null;
            case "TRUE", "FALSE" -> e.toLowerCase(Locale.ROOT);
            default -> e;
        };
    }

    /** Check expressions compare without quotes, literal casts, case, outer parentheses or spacing. */
    static String expression(String expression) {
        String e = LITERAL_CAST.matcher(expression.replace("\"", "")).replaceAll("$1").replaceAll("\\s+", " ").strip();
        while (e.startsWith("(") && e.endsWith(")") && balanced(e.substring(1, e.length() - 1))) {
            e = e.substring(1, e.length() - 1).strip();
        }
        return e.replaceAll("\\( ", "(").replaceAll(" \\)", ")");
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** H2 does not tell RESTRICT from NO ACTION (both check at once) and reports both as RESTRICT. */
    private static ReferentialAction action(ReferentialAction action) {
        return action == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : action;
    }

    private static String name(String name) {
        return name == null || GENERATED_NAME.matcher(name).matches() ? null : name;
    }
}
