package dev.retort.dialect.postgres;

import dev.retort.core.domain.RetortException;
import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropTable;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.operation.RenameColumn;
import dev.retort.core.domain.operation.RenameTable;
import dev.retort.core.domain.operation.SchemaEvolution;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.dialect.jdbc.AbstractDdlRenderer;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * PostgreSQL DDL: the standard forms of {@link AbstractDdlRenderer}, identity columns for
 * autoincrement, {@code COMMENT ON} for comments, native enum types, and {@code USING} casts when a
 * column changes to a type PostgreSQL does not convert to by itself. Types:
 *
 * <pre>
 * smallint integer bigint  SMALLINT INTEGER BIGINT
 * decimal(p,s)             NUMERIC(p,s) (decimal without precision: NUMERIC)
 * real double              REAL DOUBLE PRECISION
 * boolean                  BOOLEAN
 * char(n) varchar(n) text  CHAR(n) VARCHAR(n) TEXT (varchar without length: unbounded VARCHAR)
 * date time(p)             DATE TIME(p)
 * timestamp(p)             TIMESTAMP(p)
 * timestamptz(p)           TIMESTAMPTZ(p)
 * uuid json jsonb          UUID JSON JSONB
 * binary(n) blob           BYTEA (PostgreSQL has no fixed-length binary; binary(n) reads back as blob)
 * enum('a','b')            a native type: CREATE TYPE "table_column_enum" AS ENUM ('a', 'b')
 * other                    the type name as written (citext, integer[], geometry(Point,4326))
 * </pre>
 *
 * <p><b>Enums.</b> Each enum column gets its own type, named {@link #enumTypeName(String, String)}
 * ({@code <table>_<column>_enum}). It is created just before the table or column that uses it,
 * renamed along with its table or column, replaced when the column's values change, and dropped
 * with the last column using it (DROP TABLE, DROP COLUMN, or ALTER COLUMN to another type). What
 * "uses it" is read from the schema model before the operation ({@link #schemaBefore()}); a
 * column the model does not know about is left alone.
 */
public class PostgresDdlRenderer extends AbstractDdlRenderer {
    /** PostgreSQL truncates identifiers longer than this many bytes (NAMEDATALEN - 1). */
    static final int MAX_IDENTIFIER_BYTES = 63;
    private static final String ENUM_SUFFIX = "_enum";
    private static final Set<ColumnType.Kind> IDENTITY_KINDS = EnumSet.of(ColumnType.Kind.SMALLINT, ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT);
    private static final Set<ColumnType.Kind> NUMBERS = EnumSet.of(ColumnType.Kind.SMALLINT, ColumnType.Kind.INTEGER, ColumnType.Kind.BIGINT,
            ColumnType.Kind.DECIMAL, ColumnType.Kind.REAL, ColumnType.Kind.DOUBLE);
    private static final Set<ColumnType.Kind> STRINGS = EnumSet.of(ColumnType.Kind.CHAR, ColumnType.Kind.VARCHAR, ColumnType.Kind.TEXT);

    public PostgresDdlRenderer() {
        super(PostgresDialectProvider.NAME, "PostgreSQL", SqlQuoting.ANSI);
    }

    /**
     * The name of the enum type behind {@code table.column}: {@code <table>_<column>_enum}. When
     * that is longer than PostgreSQL's 63-byte identifier limit, the start of it is kept and an
     * 8-digit hash of the full name makes it unique: {@code <start>_<hash>_enum}.
     */
    public static String enumTypeName(String table, String column) {
        String full = table + "_" + column + ENUM_SUFFIX;
        if (full.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES) {
            return full;
        }
        String hash = sha256(full).substring(0, 8);
        String tail = "_" + hash + ENUM_SUFFIX;
        StringBuilder head = new StringBuilder();
        int budget = MAX_IDENTIFIER_BYTES - tail.length();
        for (int i = 0; i < full.length(); ) {
            int cp = full.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            if (head.toString().getBytes(StandardCharsets.UTF_8).length + ch.getBytes(StandardCharsets.UTF_8).length > budget) {
                break;
            }
            head.append(ch);
            i += Character.charCount(cp);
        }
        return head + tail;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    protected boolean enumAsCheck() {
        return false;
    }

    @Override
    protected String typeName(ColumnType type) {
        return switch (type.kind()) {
            case SMALLINT -> "SMALLINT";
            case INTEGER -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DECIMAL -> type.precision() == null ? "NUMERIC"
                    : "NUMERIC(" + type.precision() + "," + (type.scale() == null ? 0 : type.scale()) + ")";
            case REAL -> "REAL";
            case DOUBLE -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case CHAR -> sized("CHAR", type.length());
            case VARCHAR -> sized("VARCHAR", type.length());
            case TEXT -> "TEXT";
            case DATE -> "DATE";
            case TIME -> sized("TIME", type.precision());
            case TIMESTAMP -> sized("TIMESTAMP", type.precision());
            case TIMESTAMP_TZ -> sized("TIMESTAMPTZ", type.precision());
            case UUID -> "UUID";
            case JSON -> "JSON";
            case JSONB -> "JSONB";
            case BINARY, BLOB -> "BYTEA";
            // Never reached for columns: columnDefinition and visitAlterColumn name the column's own enum type.
            case ENUM -> throw new IllegalStateException("an enum type is named after its column; use enumTypeName");
            case OTHER -> otherType(type);
        };
    }

    private static String sized(String name, Integer size) {
        return size == null ? name : name + "(" + size + ")";
    }

    /** Table with its enum columns as text, for the base class's hooks, which know no enum type names. */
    private static Table withoutEnums(Table t) {
        return t.withColumns(t.columns().stream().map(c -> c.type().kind() == ColumnType.Kind.ENUM ? c.withType(ColumnType.of(ColumnType.Kind.TEXT)) : c).toList());
    }

    /** {@link #columnDefinition(Column, boolean)}, naming the column's own type when it is an enum. */
    private String columnDefinition(String table, Column column, boolean inPrimaryKey) {
        if (column.type().kind() != ColumnType.Kind.ENUM) {
            return columnDefinition(column, inPrimaryKey);
        }
        String def = columnDefinition(column.withType(ColumnType.of(ColumnType.Kind.TEXT)), inPrimaryKey);
        String start = quote(column.name()) + " TEXT";
        return quote(column.name()) + " " + quote(enumTypeName(table, column.name())) + def.substring(start.length());
    }

    @Override
    protected String autoincrementClause(Column column) {
        return " GENERATED BY DEFAULT AS IDENTITY";
    }

    private void checkIdentity(Operation op, Column c) {
        if (!c.autoincrement()) {
            return;
        }
        if (!IDENTITY_KINDS.contains(c.type().kind())) {
            throw unsupported(op, "PostgreSQL identity columns must be smallint, integer or bigint, and " + c.name() + " is " + c.type());
        }
        if (c.defaultValue() != null) {
            throw unsupported(op, "column " + c.name() + " is autoincrement and has a default; PostgreSQL allows only one of them");
        }
    }

    /** Comments as standard SQL's {@code COMMENT ON} statements. */
    @Override
    protected boolean commentOn() {
        return true;
    }

    // ---------------------------------------------------------------- enum types

    private String createEnumType(String name, ColumnType type) {
        return "CREATE TYPE " + quote(name) + " AS ENUM (" + type.values().stream().map(this::literal).collect(Collectors.joining(", ")) + ")";
    }

    /** An enum column and the name of its type. */
    private record EnumUser(String table, String column, String type) {
    }

    /**
     * The enum columns of a schema and the type each uses, so that a type is created once and
     * dropped with its last user even when two table/column pairs give the same name
     * ({@code a_b.c} and {@code a.b_c}).
     */
    private static List<EnumUser> enumUsers(Schema schema) {
        List<EnumUser> out = new ArrayList<>();
        for (Table t : schema.tables()) {
            for (Column c : t.columns()) {
                if (c.type().kind() == ColumnType.Kind.ENUM) {
                    out.add(new EnumUser(t.name(), c.name(), enumTypeName(t.name(), c.name())));
                }
            }
        }
        return out;
    }

    /** The values of the enum type {@code typeName} as another column of {@code schema} uses it. */
    private static Optional<ColumnType> enumTypeIn(Schema schema, String typeName, String exceptTable, String exceptColumn) {
        for (EnumUser u : enumUsers(schema)) {
            if (u.type().equals(typeName) && !(u.table().equals(exceptTable) && u.column().equals(exceptColumn))) {
                return schema.table(u.table()).flatMap(t -> t.column(u.column())).map(Column::type);
            }
        }
        return Optional.empty();
    }

    /** CREATE TYPE for a new enum column, unless a column the model knows already has that type with the same values. */
    private List<String> createEnumFor(Operation op, String table, Column column) {
        if (column.type().kind() != ColumnType.Kind.ENUM) {
            return List.of();
        }
        String name = enumTypeName(table, column.name());
        Optional<ColumnType> existing = enumTypeIn(schemaBefore(), name, table, column.name());
        if (existing.isPresent()) {
            if (existing.get().equals(column.type())) {
                return List.of();
            }
            throw unsupported(op, "enum type " + name + " for " + table + "." + column.name() + " is already used by another column with values "
                    + existing.get().values() + "; rename the column or table so the names differ");
        }
        return List.of(createEnumType(name, column.type()));
    }

    /** DROP TYPE for the enum types of {@code op}'s table that no column uses after it, judged on the model. */
    private List<String> dropUnusedEnums(Operation op) {
        Schema after;
        try {
            after = SchemaEvolution.apply(schemaBefore(), op);
        } catch (RetortException e) {
            // The model does not know the table (raw SQL made it): its columns are not assumed to be enums.
            return List.of();
        }
        Set<String> used = enumUsers(after).stream().map(EnumUser::type).collect(Collectors.toSet());
        Set<String> dropped = new LinkedHashSet<>();
        for (EnumUser u : enumUsers(schemaBefore())) {
            if (u.table().equals(op.table()) && !used.contains(u.type())) {
                dropped.add(u.type());
            }
        }
        return dropped.stream().map(type -> "DROP TYPE IF EXISTS " + quote(type)).toList();
    }

    /**
     * Renames an enum type when it exists. PostgreSQL has no ALTER TYPE IF EXISTS, and a table made
     * by another tool may name its enum types differently, so the rename is guarded.
     */
    private String renameEnumType(String from, String to) {
        String body = "IF to_regtype(" + literal(quote(from)) + ") IS NOT NULL THEN ALTER TYPE " + quote(from) + " RENAME TO " + quote(to)
                + "; END IF;";
        return "DO $retort$ BEGIN " + body + " END $retort$";
    }

    // ---------------------------------------------------------------- operations

    @Override
    public List<String> visitCreateTable(CreateTable op) {
        Table t = op.definition();
        List<String> out = new ArrayList<>();
        List<String> pkColumns = t.primaryKey() == null ? List.of() : t.primaryKey().columns();
        List<String> elements = new ArrayList<>(tableElements(withoutEnums(t)));
        for (int i = 0; i < t.columns().size(); i++) {
            Column c = t.columns().get(i);
            checkIdentity(op, c);
            for (String create : createEnumFor(op, t.name(), c)) {
                if (!out.contains(create)) {
                    out.add(create);
                }
            }
            elements.set(i, columnDefinition(t.name(), c, pkColumns.contains(c.name())));
        }
        out.add("CREATE TABLE " + quote(t.name()) + " (\n    " + String.join(",\n    ", elements) + "\n)" + createTableSuffix(t));
        t.indexes().forEach(i -> out.add(createIndex(t.name(), i)));
        out.addAll(commentStatements(t));
        return out;
    }

    @Override
    public List<String> visitDropTable(DropTable op) {
        List<String> out = new ArrayList<>(super.visitDropTable(op));
        out.addAll(dropUnusedEnums(op));
        return out;
    }

    @Override
    public List<String> visitRenameTable(RenameTable op) {
        List<String> out = new ArrayList<>(super.visitRenameTable(op));
        tableBefore(op.table()).ifPresent(t -> {
            for (Column c : t.columns()) {
                if (c.type().kind() == ColumnType.Kind.ENUM) {
                    out.add(renameEnumType(enumTypeName(op.table(), c.name()), enumTypeName(op.newName(), c.name())));
                }
            }
        });
        return out;
    }

    @Override
    public List<String> visitAddColumn(AddColumn op) {
        Column c = op.column();
        checkIdentity(op, c);
        List<String> out = new ArrayList<>(createEnumFor(op, op.table(), c));
        out.add(alterTable(op.table()) + "ADD COLUMN " + columnDefinition(op.table(), c, false));
        if (c.comment() != null) {
            out.addAll(columnCommentStatements(op.table(), c.name(), c.comment()));
        }
        return out;
    }

    @Override
    public List<String> visitDropColumn(DropColumn op) {
        List<String> out = new ArrayList<>(super.visitDropColumn(op));
        out.addAll(dropUnusedEnums(op));
        return out;
    }

    @Override
    public List<String> visitRenameColumn(RenameColumn op) {
        List<String> out = new ArrayList<>(super.visitRenameColumn(op));
        tableBefore(op.table()).flatMap(t -> t.column(op.column())).ifPresent(c -> {
            if (c.type().kind() == ColumnType.Kind.ENUM) {
                out.add(renameEnumType(enumTypeName(op.table(), op.column()), enumTypeName(op.table(), op.newName())));
            }
        });
        return out;
    }

    /**
     * Type, nullability, default and comment, in that order. A type change drops the column's
     * default first and sets it again afterwards (PostgreSQL converts a default only through an
     * implicit cast, and an old default would keep an old enum type alive), and gets a
     * {@code USING} cast when PostgreSQL would not convert the values by itself.
     */
    @Override
    public List<String> visitAlterColumn(AlterColumn op) {
        String prefix = alterTable(op.table()) + "ALTER COLUMN " + quote(op.column()) + " ";
        Optional<Column> old = tableBefore(op.table()).flatMap(t -> t.column(op.column()));
        List<String> out = new ArrayList<>();
        boolean defaultRestated = false;
        if (op.type() != null && !(old.isPresent() && old.get().type().equals(op.type()))) {
            ColumnType from = old.map(Column::type).orElse(null);
            ColumnType to = op.type();
            String oldDefault = old.map(Column::defaultValue).orElse(null);
            String typeName = to.kind() == ColumnType.Kind.ENUM ? quote(enumTypeName(op.table(), op.column())) : typeName(to);
            String enumName = enumTypeName(op.table(), op.column());
            String retired = null;
            if (oldDefault != null) {
                out.add(prefix + "DROP DEFAULT");
            }
            if (to.kind() == ColumnType.Kind.ENUM) {
                if (from != null && from.kind() == ColumnType.Kind.ENUM) {
                    retired = enumTypeName(op.table(), op.column() + "_old");
                    out.add("ALTER TYPE " + quote(enumName) + " RENAME TO " + quote(retired));
                }
                out.add(createEnumType(enumName, to));
            }
            out.add(prefix + "TYPE " + typeName + using(op.column(), from, to, typeName));
            if (retired != null) {
                out.add("DROP TYPE " + quote(retired));
            } else if (from != null && from.kind() == ColumnType.Kind.ENUM) {
                out.addAll(dropUnusedEnums(op));
            }
            String newDefault = op.defaultValue() != null ? op.defaultValue().value() : oldDefault;
            if (oldDefault != null || op.defaultValue() != null) {
                defaultRestated = true;
                out.add(prefix + (newDefault == null ? "DROP DEFAULT" : "SET" + defaultClause(newDefault)));
            }
        }
        if (op.nullable() != null) {
            out.add(prefix + (op.nullable() ? "DROP NOT NULL" : "SET NOT NULL"));
        }
        if (op.defaultValue() != null && !defaultRestated) {
            out.add(prefix + (op.defaultValue().value() == null ? "DROP DEFAULT" : "SET" + defaultClause(op.defaultValue().value())));
        }
        if (op.comment() != null) {
            out.addAll(columnCommentStatements(op.table(), op.column(), op.comment().value()));
        }
        return out;
    }

    /**
     * {@code USING} when PostgreSQL has no implicit or assignment cast between the types: none
     * between numbers, between strings, or to a string; else {@code "col"::type}, through text for
     * enums ({@code "col"::text::"t_c_enum"}). With the old type unknown, a cast is always given.
     */
    private String using(String column, ColumnType from, ColumnType to, String typeName) {
        if (from != null) {
            boolean numbers = NUMBERS.contains(from.kind()) && NUMBERS.contains(to.kind());
            boolean toString = STRINGS.contains(to.kind());
            boolean sameKind = from.kind() == to.kind() && to.kind() != ColumnType.Kind.ENUM && to.kind() != ColumnType.Kind.OTHER;
            boolean times = EnumSet.of(ColumnType.Kind.TIMESTAMP, ColumnType.Kind.TIMESTAMP_TZ, ColumnType.Kind.DATE).contains(from.kind())
                    && EnumSet.of(ColumnType.Kind.TIMESTAMP, ColumnType.Kind.TIMESTAMP_TZ).contains(to.kind());
            boolean jsons = EnumSet.of(ColumnType.Kind.JSON, ColumnType.Kind.JSONB).containsAll(EnumSet.of(from.kind(), to.kind()));
            if (numbers || toString || sameKind || times || jsons) {
                return "";
            }
        }
        boolean viaText = to.kind() == ColumnType.Kind.ENUM || (from != null && from.kind() == ColumnType.Kind.ENUM);
        return " USING " + quote(column) + (viaText ? "::TEXT" : "") + "::" + typeName;
    }
}
