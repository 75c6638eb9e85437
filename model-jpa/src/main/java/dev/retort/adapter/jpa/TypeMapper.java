package dev.retort.adapter.jpa;

import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ColumnType.Kind;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.EnumeratedValue;
import jakarta.persistence.Lob;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The column type of a basic attribute, from its Java type and its JPA annotations, choosing what
 * Hibernate's schema export chooses wherever the portable model can say it (docs/jpa.md lists the
 * exceptions).
 */
final class TypeMapper {
    /** Hibernate's default fractional-seconds precision of timestamp columns. */
    static final int DEFAULT_SECOND_PRECISION = 6;
    /** Hibernate's default fractional-seconds precision of time columns: whole seconds. */
    static final int DEFAULT_TIME_PRECISION = 0;
    /** Hibernate's default precision and scale of a {@code BigDecimal} column with none given. */
    static final int DEFAULT_DECIMAL_PRECISION = 38;
    static final int DEFAULT_DECIMAL_SCALE = 2;
    private static final int DEFAULT_LENGTH = 255;

    private static final Set<Class<?>> SHORT_TEXT = Set.of(java.net.URL.class, java.util.Locale.class, java.util.Currency.class,
            java.util.TimeZone.class, java.time.ZoneId.class, java.time.ZoneOffset.class, Class.class);

    private final Warnings warnings;
    private final Map<Class<?>, Class<?>> autoApplied;

    /** @param autoApplied converters with {@code autoApply = true}, by the entity attribute type they convert */
    TypeMapper(Warnings warnings, Map<Class<?>, Class<?>> autoApplied) {
        this.warnings = warnings;
        this.autoApplied = autoApplied;
    }

    /**
     * @param javaType the attribute's type, or a collection's element type
     * @param column   the attribute's {@code @Column} (or its override), may be null
     * @return the type, or null when the attribute cannot be mapped (a warning says why)
     */
    ColumnType map(Attribute a, Class<?> javaType, Column column) {
        if (column != null && !column.columnDefinition().isBlank()) {
            return fromDefinition(a, column.columnDefinition());
        }
        Class<?> converter = converter(a, javaType);
        if (converter != null) {
            Class<?> stored = convertedType(converter);
            if (stored == null) {
                warnings.warn(a.where(), "the database type of converter " + converter.getName()
                        + " cannot be read from its AttributeConverter<X, Y> declaration; the attribute is left out");
                return null;
            }
            return basic(a, stored, column, false);
        }
        return basic(a, javaType, column, true);
    }

    private ColumnType fromDefinition(Attribute a, String definition) {
        ColumnType type;
        try {
            type = ColumnType.parse(definition);
        } catch (IllegalArgumentException e) {
            type = new ColumnType(Kind.OTHER, null, null, null, List.of(), definition.strip());
        }
        if (type.kind() == Kind.OTHER) {
            warnings.warn(a.where(), "columnDefinition '" + definition.strip() + "' is not a portable type; it is used as the column type "
                    + "as written, so check that the database reads it back the same (retort check)");
        }
        return type;
    }

    private Class<?> converter(Attribute a, Class<?> javaType) {
        Convert convert = a.get(Convert.class);
        if (convert != null && convert.attributeName().isEmpty()) {
            if (convert.disableConversion()) {
                return null;
            }
            if (convert.converter() != AttributeConverter.class) {
                return convert.converter();
            }
        }
        return autoApplied.get(javaType);
    }

    /** @return Y of {@code AttributeConverter<X, Y>} as the converter class declares it */
    static Class<?> convertedType(Class<?> converter) {
        for (Class<?> c = converter; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == AttributeConverter.class) {
                    Type y = p.getActualTypeArguments()[1];
                    return y instanceof Class<?> yc ? yc : null;
                }
            }
        }
        return null;
    }

    /** @return X of {@code AttributeConverter<X, Y>} as the converter class declares it */
    static Class<?> convertedAttributeType(Class<?> converter) {
        for (Class<?> c = converter; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == AttributeConverter.class) {
                    Type x = p.getActualTypeArguments()[0];
                    return x instanceof Class<?> xc ? xc : null;
                }
            }
        }
        return null;
    }

    // @Temporal is deprecated in JPA 3.2, yet legacy entities still carry it and it decides the type.
    @SuppressWarnings("deprecation")
    private ColumnType basic(Attribute a, Class<?> t, Column column, boolean annotationsApply) {
        boolean lob = annotationsApply && a.has(Lob.class);
        int length = column == null ? DEFAULT_LENGTH : column.length();
        if (t.isEnum() && annotationsApply) {
            return enumType(a, t);
        }
        if (t == String.class || t == char[].class || t == Character[].class) {
            return lob ? ColumnType.of(Kind.TEXT) : ColumnType.varchar(length);
        }
        if (lob && t != byte[].class && t != Byte[].class) {
            warnings.warn(a.where(), "@Lob on " + t.getSimpleName() + " is not a text or binary attribute; @Lob is ignored");
        }
        if (t == char.class || t == Character.class) {
            return new ColumnType(Kind.CHAR, 1, null, null, List.of(), null);
        }
        if (t == boolean.class || t == Boolean.class) {
            return ColumnType.of(Kind.BOOLEAN);
        }
        if (t == byte.class || t == Byte.class || t == short.class || t == Short.class) {
            return ColumnType.of(Kind.SMALLINT);
        }
        if (t == int.class || t == Integer.class) {
            return ColumnType.of(Kind.INTEGER);
        }
        if (t == long.class || t == Long.class) {
            return ColumnType.of(Kind.BIGINT);
        }
        if (t == float.class || t == Float.class) {
            return ColumnType.of(Kind.REAL);
        }
        if (t == double.class || t == Double.class) {
            return ColumnType.of(Kind.DOUBLE);
        }
        if (t == BigDecimal.class) {
            return decimal(column);
        }
        if (t == BigInteger.class) {
            int precision = column != null && column.precision() > 0 ? column.precision() : DEFAULT_DECIMAL_PRECISION;
            return ColumnType.decimal(precision, 0);
        }
        if (t == java.util.UUID.class) {
            return ColumnType.of(Kind.UUID);
        }
        if (t == byte[].class || t == Byte[].class) {
            // BINARY(n) is fixed-length on MySQL (values come back padded), so only an explicit length asks for it.
            return lob || length == DEFAULT_LENGTH ? ColumnType.of(Kind.BLOB) : new ColumnType(Kind.BINARY, length, null, null, List.of(), null);
        }
        // java.sql types by name: the entity's field types, not JDBC use (which stays in the dialects).
        String sqlType = t.getName().startsWith("java.sql.") ? t.getName().substring("java.sql.".length()) : "";
        if (sqlType.equals("Blob")) {
            return ColumnType.of(Kind.BLOB);
        }
        if (sqlType.equals("Clob") || sqlType.equals("NClob")) {
            return ColumnType.of(Kind.TEXT);
        }
        if (t == java.time.LocalDate.class || sqlType.equals("Date")) {
            return ColumnType.of(Kind.DATE);
        }
        if (t == java.time.LocalTime.class || sqlType.equals("Time")) {
            return timed(Kind.TIME, column);
        }
        if (t == java.time.OffsetTime.class) {
            warnings.warn(a.where(), "OffsetTime has no portable column type; it is mapped to time (Hibernate normalizes it to UTC)");
            return timed(Kind.TIME, column);
        }
        if (t == java.time.LocalDateTime.class || sqlType.equals("Timestamp")) {
            return timed(Kind.TIMESTAMP, column);
        }
        if (t == java.time.Instant.class || t == java.time.OffsetDateTime.class || t == java.time.ZonedDateTime.class) {
            return timed(Kind.TIMESTAMP_TZ, column);
        }
        if (t == Date.class || t == Calendar.class || t == java.util.GregorianCalendar.class) {
            Temporal temporal = annotationsApply ? a.get(Temporal.class) : null;
            if (temporal == null) {
                warnings.warn(a.where(), t.getSimpleName() + " without @Temporal; mapped as TemporalType.TIMESTAMP, as Hibernate does");
                return timed(Kind.TIMESTAMP, column);
            }
            return temporal.value() == TemporalType.DATE ? ColumnType.of(Kind.DATE)
                    : timed(temporal.value() == TemporalType.TIME ? Kind.TIME : Kind.TIMESTAMP, column);
        }
        if (SHORT_TEXT.contains(t)) {
            return ColumnType.varchar(length);
        }
        warnings.warn(a.where(), "type " + t.getName() + " has no column mapping (no JPA basic type and no AttributeConverter); "
                + "the attribute is left out; add @Convert, @Transient or a columnDefinition");
        return null;
    }

    private ColumnType enumType(Attribute a, Class<?> t) {
        for (Field f : t.getDeclaredFields()) {
            if (f.isAnnotationPresent(EnumeratedValue.class)) {
                warnings.warn(a.where(), "@EnumeratedValue on " + t.getName() + "." + f.getName()
                        + " is not read; the column holds the constants' " + (isString(a) ? "names" : "ordinals"));
                break;
            }
        }
        if (isString(a)) {
            List<String> names = new ArrayList<>();
            for (Field f : t.getDeclaredFields()) {
                if (f.isEnumConstant()) {
                    names.add(f.getName());
                }
            }
            if (names.isEmpty()) {
                warnings.warn(a.where(), "enum " + t.getName() + " has no constants; mapped to varchar(255)");
                return ColumnType.varchar(DEFAULT_LENGTH);
            }
            return new ColumnType(Kind.ENUM, null, null, null, names, null);
        }
        // Hibernate stores ordinals as TINYINT, which PostgreSQL and the portable model spell smallint.
        return ColumnType.of(Kind.SMALLINT);
    }

    private static boolean isString(Attribute a) {
        Enumerated e = a.get(Enumerated.class);
        return e != null && e.value() == EnumType.STRING;
    }

    private static ColumnType decimal(Column column) {
        if (column == null || column.precision() <= 0) {
            int scale = column != null && column.scale() > 0 ? column.scale() : DEFAULT_DECIMAL_SCALE;
            return ColumnType.decimal(DEFAULT_DECIMAL_PRECISION, scale);
        }
        return ColumnType.decimal(column.precision(), column.scale());
    }

    private static ColumnType timed(Kind kind, Column column) {
        int precision = column != null && column.secondPrecision() >= 0 ? column.secondPrecision()
                : kind == Kind.TIME ? DEFAULT_TIME_PRECISION : DEFAULT_SECOND_PRECISION;
        return new ColumnType(kind, null, precision, null, List.of(), null);
    }
}
