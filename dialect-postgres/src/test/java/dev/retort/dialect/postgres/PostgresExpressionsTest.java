package dev.retort.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.retort.core.domain.schema.ColumnType;
import org.junit.jupiter.api.Test;

class PostgresExpressionsTest {
    private static final ColumnType INTEGER = ColumnType.of(ColumnType.Kind.INTEGER);
    private static final ColumnType TEXT = ColumnType.of(ColumnType.Kind.TEXT);

    @Test
    void catalog_types_read_back_as_portable_ones() {
        assertEquals(ColumnType.parse("timestamp(3)"), PostgresExpressions.parseType("timestamp(3) without time zone"));
        assertEquals(ColumnType.parse("timestamptz"), PostgresExpressions.parseType("timestamp with time zone"));
        assertEquals(ColumnType.parse("timestamptz(6)"), PostgresExpressions.parseType("timestamp(6) with time zone"));
        assertEquals(ColumnType.parse("time"), PostgresExpressions.parseType("time without time zone"));
        assertEquals(ColumnType.Kind.OTHER, PostgresExpressions.parseType("time with time zone").kind());
        assertEquals(ColumnType.varchar(20), PostgresExpressions.parseType("character varying(20)"));
        assertEquals(ColumnType.parse("varchar"), PostgresExpressions.parseType("character varying"));
        assertEquals(ColumnType.parse("char(1)"), PostgresExpressions.parseType("character(1)"));
        assertEquals(ColumnType.parse("double"), PostgresExpressions.parseType("double precision"));
        assertEquals(ColumnType.parse("decimal(12,2)"), PostgresExpressions.parseType("numeric(12,2)"));
        assertEquals(ColumnType.parse("decimal"), PostgresExpressions.parseType("numeric"));
        assertEquals(ColumnType.parse("blob"), PostgresExpressions.parseType("bytea"));
        assertEquals(ColumnType.parse("jsonb"), PostgresExpressions.parseType("jsonb"));
        assertEquals(new ColumnType(ColumnType.Kind.OTHER, null, null, null, null, "integer[]"), PostgresExpressions.parseType("integer[]"));
    }

    @Test
    void model_types_become_the_types_postgresql_stores() {
        assertEquals(ColumnType.parse("blob"), PostgresExpressions.storedType(ColumnType.parse("binary(16)")));
        assertEquals(ColumnType.parse("char(1)"), PostgresExpressions.storedType(ColumnType.parse("char")));
        assertEquals("time with time zone", PostgresExpressions.storedType(ColumnType.parse("timetz")).raw());
        assertEquals("integer[]", PostgresExpressions.storedType(ColumnType.parse("int[]")).raw());
        assertEquals("character varying(20)[]", PostgresExpressions.storedType(ColumnType.parse("varchar(20)[]")).raw());
        assertEquals("citext", PostgresExpressions.storedType(ColumnType.parse("CITEXT")).raw());
    }

    @Test
    void defaults_get_one_spelling() {
        assertEquals("'x'", PostgresExpressions.normalizeDefault("'x'::character varying", ColumnType.varchar(5)));
        assertEquals("-1", PostgresExpressions.normalizeDefault("'-1'::integer", INTEGER));
        assertEquals("0", PostgresExpressions.normalizeDefault("'0'::numeric", ColumnType.parse("decimal(12,2)")));
        assertEquals("0", PostgresExpressions.normalizeDefault("'0'", ColumnType.parse("decimal(12,2)")));
        assertEquals("0", PostgresExpressions.normalizeDefault("(0)", INTEGER));
        assertEquals("'it''s'", PostgresExpressions.normalizeDefault("'it''s'::text", TEXT));
        assertEquals("'a'", PostgresExpressions.normalizeDefault("'a'::\"T_state_enum\"", ColumnType.parse("enum('a')")));
        assertEquals("'a'", PostgresExpressions.normalizeDefault("'a'::app.t_state_enum", ColumnType.parse("enum('a')")));
        assertEquals("'2024-01-31'", PostgresExpressions.normalizeDefault("'2024-01-31'::date", ColumnType.parse("date")));
        assertEquals("'{}'", PostgresExpressions.normalizeDefault("'{}'::jsonb", ColumnType.parse("jsonb")));
        assertEquals("CURRENT_TIMESTAMP", PostgresExpressions.normalizeDefault("now()", ColumnType.parse("timestamp")));
        assertEquals("CURRENT_TIMESTAMP", PostgresExpressions.normalizeDefault("current_timestamp", ColumnType.parse("timestamp")));
        assertEquals("CURRENT_DATE", PostgresExpressions.normalizeDefault("CURRENT_DATE", ColumnType.parse("date")));
        assertEquals("true", PostgresExpressions.normalizeDefault("TRUE", ColumnType.parse("boolean")));
        assertEquals("false", PostgresExpressions.normalizeDefault("'f'", ColumnType.parse("boolean")));
        assertEquals(null, PostgresExpressions.normalizeDefault("NULL::text", TEXT));
        assertEquals("lower('X')", PostgresExpressions.normalizeDefault("lower('X'::text)", TEXT));
        assertEquals("gen_random_uuid()", PostgresExpressions.normalizeDefault("gen_random_uuid()", ColumnType.parse("uuid")));
        assertEquals("'a::text'", PostgresExpressions.normalizeDefault("'a::text'::text", TEXT));
    }

    @Test
    void check_expressions_lose_the_parentheses_and_casts_postgresql_adds() {
        assertEquals("qty >= 0", PostgresExpressions.checkBody("CHECK ((qty >= 0))"));
        assertEquals("a >= -1", PostgresExpressions.checkBody("CHECK ((a >= '-1'::integer))"));
        assertEquals("b >= 0", PostgresExpressions.checkBody("CHECK ((b >= (0)::numeric))"));
        assertEquals("(x > 0) AND (y > 0)", PostgresExpressions.checkBody("CHECK (((x > 0) AND (y > 0))) NOT VALID"));
        assertEquals("qty >= 0", PostgresExpressions.normalizeCheck("  qty   >= 0 "));
        assertEquals("s <> 'a  b'", PostgresExpressions.normalizeCheck("(s <> 'a  b'::text)"));
    }
}
