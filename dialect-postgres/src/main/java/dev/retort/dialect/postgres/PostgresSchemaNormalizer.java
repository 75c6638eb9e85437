package dev.retort.dialect.postgres;

import dev.retort.core.application.port.out.SchemaNormalizer;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * PostgreSQL's type rules: maps a schema model to what PostgreSQL stores and
 * {@link PostgresSchemaInspector} reads back, so that {@code normalize(target)} equals
 * {@code normalize(inspect())} exactly when the database holds the target. Applied to both sides.
 *
 * <ul>
 *   <li><b>Types.</b> {@code binary(n)} is {@code blob} (both are {@code bytea}); {@code char} is
 *       {@code char(1)}; {@code serial}, {@code bigserial} and {@code smallserial} are the integer
 *       type with autoincrement; other non-portable names get {@code format_type}'s spelling where
 *       known ({@code timetz} is {@code time with time zone}, {@code int[]} is {@code integer[]}),
 *       lower case with single spaces. {@code jsonb} stays {@code jsonb}; enums keep their values.</li>
 *   <li><b>Nullability.</b> Primary key and autoincrement (identity) columns are NOT NULL.</li>
 *   <li><b>Defaults.</b> One spelling ({@link PostgresExpressions#normalizeDefault}): casts on
 *       literals dropped ({@code '0'::numeric} is {@code 0}, {@code 'x'::text} is {@code 'x'}),
 *       quoted numbers on numeric columns unquoted, {@code now()} and {@code current_timestamp} are
 *       {@code CURRENT_TIMESTAMP}, boolean literals are {@code true}/{@code false}, {@code NULL} is
 *       no default.</li>
 *   <li><b>Checks.</b> Casts on literals dropped, whitespace collapsed, outer parentheses
 *       removed, so {@code qty >= 0} equals PostgreSQL's {@code ((qty >= 0))}. Larger
 *       expressions compare equal only when written the way PostgreSQL prints them.</li>
 *   <li><b>Comments.</b> An empty comment is no comment ({@code COMMENT ... IS ''} removes it).</li>
 *   <li><b>Constraint names.</b> A name the model gives is kept. A null name compares equal to
 *       the name PostgreSQL generates, because names in PostgreSQL's default pattern become null:
 *       a primary key ending in {@code _pkey}, a unique constraint in {@code _key}, a foreign key
 *       in {@code _fkey}, a check in {@code _check}, each optionally followed by digits (as in
 *       {@code account_email_key1}). The table and column part is not checked, because renaming
 *       a table or column does not rename its constraints; so such names are not compared at all.</li>
 *   <li>Index names, table and column names and the order of columns are kept.</li>
 * </ul>
 * Stateless, thread-safe and idempotent.
 */
public final class PostgresSchemaNormalizer implements SchemaNormalizer {
    private static final Pattern PKEY = Pattern.compile(".+_pkey\\d*");
    private static final Pattern KEY = Pattern.compile(".+_key\\d*");
    private static final Pattern FKEY = Pattern.compile(".+_fkey\\d*");
    private static final Pattern CHECK = Pattern.compile(".+_check\\d*");
    private static final Map<String, ColumnType.Kind> SERIALS = Map.of("serial", ColumnType.Kind.INTEGER, "serial4", ColumnType.Kind.INTEGER,
            "bigserial", ColumnType.Kind.BIGINT, "serial8", ColumnType.Kind.BIGINT, "smallserial", ColumnType.Kind.SMALLINT,
            "serial2", ColumnType.Kind.SMALLINT);

    @Override
    public Schema normalize(Schema schema) {
        List<Table> tables = new ArrayList<>();
        for (Table t : schema.tables()) {
            tables.add(normalize(t));
        }
        return new Schema(tables);
    }

    private static Table normalize(Table t) {
        List<String> pkColumns = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
        List<Column> columns = t.columns().stream().map(c -> column(c, pkColumns.contains(c.name()))).toList();
        // CREATE TABLE keeps one index per column list: the primary key first, then the unique
        // constraints in order; an unnamed survivor takes the name of the first named duplicate.
        String pkName = t.primaryKey() == null ? null : name(t.primaryKey().name(), PKEY);
        Map<List<String>, String[]> survivors = new LinkedHashMap<>();
        for (UniqueConstraint u : t.uniqueConstraints()) {
            String n = name(u.name(), KEY);
            if (u.columns().equals(pkColumns)) {
                pkName = pkName == null ? n : pkName;
            } else {
                String[] kept = survivors.computeIfAbsent(u.columns(), k -> new String[1]);
                kept[0] = kept[0] == null ? n : kept[0];
            }
        }
        PrimaryKey pk = t.primaryKey() == null ? null : new PrimaryKey(pkName, t.primaryKey().columns());
        List<UniqueConstraint> uniques = new ArrayList<>();
        survivors.forEach((cols, n) -> uniques.add(new UniqueConstraint(n[0], cols)));
        List<ForeignKey> fks = t.foreignKeys().stream().map(f -> new ForeignKey(name(f.name(), FKEY), f.columns(), f.referencedTable(),
                f.referencedColumns(), f.onDelete(), f.onUpdate())).toList();
        List<CheckConstraint> checks = t.checks().stream()
                .map(c -> new CheckConstraint(name(c.name(), CHECK), PostgresExpressions.normalizeCheck(c.expression()))).toList();
        return new Table(t.name(), columns, pk, uniques, t.indexes(), fks, checks, comment(t.comment()));
    }

    private static Column column(Column c, boolean inPrimaryKey) {
        ColumnType type = c.type();
        boolean autoincrement = c.autoincrement();
        if (type.kind() == ColumnType.Kind.OTHER) {
            ColumnType.Kind serial = SERIALS.get(type.raw().strip().toLowerCase(Locale.ROOT));
            if (serial != null) {
                type = ColumnType.of(serial);
                autoincrement = true;
            }
        }
        type = PostgresExpressions.storedType(type);
        boolean nullable = c.nullable() && !inPrimaryKey && !autoincrement;
        String defaultValue = autoincrement ? null : PostgresExpressions.normalizeDefault(c.defaultValue(), type);
        return new Column(c.name(), type, nullable, defaultValue, autoincrement, comment(c.comment()));
    }

    private static String comment(String comment) {
        return comment == null || comment.isEmpty() ? null : comment;
    }

    private static String name(String name, Pattern generated) {
        return name == null || generated.matcher(name).matches() ? null : name;
    }
}
