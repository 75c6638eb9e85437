package dev.retort.dialect.mysql;

import dev.retort.core.application.port.out.SchemaNormalizer;
import dev.retort.core.domain.schema.CheckConstraint;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's type rules: maps a schema to what the server stores and
 * {@link MysqlSchemaInspector} reads back, so that for a target model
 * {@code normalize(target)} equals {@code normalize(inspect())} after the target was applied.
 * The choices:
 * <ul>
 * <li>types become the type MySQL keeps ({@link MysqlTypes#stored}): jsonb is json, uuid is
 *     char(36) (MySQL has no uuid type; the column does not remember it was one), varchar
 *     without length is varchar(255), char is char(1), decimal is decimal(10,0), a zero
 *     fractional-seconds precision is none, binary without length is blob; raw types are read
 *     as the catalog would print them ({@code INT(11) UNSIGNED} is {@code int unsigned},
 *     {@code tinyint(1)} is boolean);</li>
 * <li>defaults take one spelling ({@link MysqlSql#canonicalDefault}, then the compact form of
 *     {@link MysqlSql#compact}): {@code now()}, {@code current_timestamp()} and
 *     {@code CURRENT_TIMESTAMP} alike; {@code 0}, {@code '0'} and {@code 0.00} alike on numeric
 *     columns; {@code true}, {@code 1} and {@code '1'} alike on booleans; {@code NULL} is no
 *     default; an autoincrement column has none;</li>
 * <li>primary key columns are NOT NULL; empty comments are none;</li>
 * <li>constraint names are kept where the user gave them and dropped where the server or the
 *     renderer made them up, so an unnamed constraint in the model equals its named self in the
 *     database: the primary key's always (MySQL calls every one PRIMARY); a unique constraint's
 *     when it ends in {@code _key} (Retort's {@code <table>_<columns>_key}) or is its first column's
 *     name, optionally with {@code _<n>} (MySQL's); a foreign key's when it ends in {@code _fkey}
 *     or {@code _ibfk_<n>}; a check's when it is {@code CONSTRAINT_<n>} (MariaDB),
 *     {@code <table>_chk_<n>} (MySQL) or a column's name (MariaDB's column checks). The patterns
 *     are loose on purpose: the names do not follow a later rename of the table or column. Index
 *     names are always kept: they identify indexes;</li>
 * <li>RESTRICT is NO ACTION (InnoDB does not tell them apart);</li>
 * <li>check expressions compare in compact form: no backticks, lower case outside literals,
 *     no outer parentheses, no charset introducers;</li>
 * <li>tables are sorted by name, constraints and indexes sorted; column order is kept.</li>
 * </ul>
 * The index MySQL adds for a foreign key is not in either side: the inspector leaves it out.
 * Stateless, thread-safe and idempotent.
 */
public final class MysqlSchemaNormalizer implements SchemaNormalizer {

    @Override
    public Schema normalize(Schema schema) {
        List<Table> tables = new ArrayList<>();
        for (Table t : schema.tables()) {
            tables.add(normalize(t));
        }
        tables.sort(Comparator.comparing(Table::name));
        return new Schema(tables);
    }

    private static Table normalize(Table t) {
        List<String> pkColumns = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
        List<Column> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            ColumnType type = MysqlTypes.stored(c.type());
            String dflt = c.autoincrement() ? null : MysqlSql.canonicalDefault(type, c.defaultValue());
            columns.add(new Column(c.name(), type, c.nullable() && !pkColumns.contains(c.name()),
                    dflt == null ? null : MysqlSql.compact(dflt), c.autoincrement(), emptyToNull(c.comment())));
        }
        PrimaryKey pk = t.primaryKey() == null ? null : new PrimaryKey(null, t.primaryKey().columns());
        List<UniqueConstraint> uniques = t.uniqueConstraints().stream()
                .map(u -> new UniqueConstraint(generatedUnique(u) ? null : u.name(), u.columns()))
                .sorted(Comparator.comparing(u -> u.columns().toString())).toList();
        List<Index> indexes = t.indexes().stream().sorted(Comparator.comparing(Index::name)).toList();
        List<ForeignKey> fks = t.foreignKeys().stream()
                .map(f -> new ForeignKey(generatedForeignKey(f) ? null : f.name(), f.columns(), f.referencedTable(), f.referencedColumns(),
                        action(f.onDelete()), action(f.onUpdate())))
                .sorted(Comparator.comparing(f -> f.columns() + "->" + f.referencedTable() + f.referencedColumns())).toList();
        List<CheckConstraint> checks = t.checks().stream()
                .map(c -> new CheckConstraint(generatedCheck(t, c) ? null : c.name(), MysqlSql.compact(c.expression())))
                .sorted(Comparator.comparing(CheckConstraint::expression)).toList();
        return new Table(t.name(), columns, pk, uniques, indexes, fks, checks, emptyToNull(t.comment()));
    }

    private static final Pattern NUMBERED = Pattern.compile("(.*)_\\d+");
    private static final Pattern MARIADB_CHECK = Pattern.compile("CONSTRAINT_\\d+");

    private static boolean generatedUnique(UniqueConstraint u) {
        String n = u.name();
        if (n == null || n.endsWith("_key")) {
            return true;
        }
        Matcher m = NUMBERED.matcher(n);
        return n.equals(u.columns().get(0)) || m.matches() && m.group(1).equals(u.columns().get(0));
    }

    private static boolean generatedForeignKey(ForeignKey f) {
        String n = f.name();
        if (n == null || n.endsWith("_fkey")) {
            return true;
        }
        Matcher m = NUMBERED.matcher(n);
        return m.matches() && m.group(1).endsWith("_ibfk");
    }

    private static boolean generatedCheck(Table t, CheckConstraint c) {
        String n = c.name();
        if (n == null || MARIADB_CHECK.matcher(n).matches() || t.column(n).isPresent()) {
            return true;
        }
        Matcher m = NUMBERED.matcher(n);
        return m.matches() && m.group(1).endsWith("_chk");
    }

    private static ReferentialAction action(ReferentialAction a) {
        return a == ReferentialAction.RESTRICT ? ReferentialAction.NO_ACTION : a;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
