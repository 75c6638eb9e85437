package dev.retort.core.domain.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.core.domain.schema.ColumnType.Kind;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ColumnTypeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bigint | bigint", "INT8 | bigint", "long | bigint", "int | integer", "integer | integer", "int4 | integer",
            "smallint | smallint", "int2 | smallint", "real | real", "float | real", "double precision | double",
            "DOUBLE   PRECISION | double", "float8 | double", "bool | boolean", "text | text", "clob | text",
            "string | varchar", "character varying | varchar", "timestamp with time zone | timestamptz",
            "datetime | timestamp", "bytea | blob", "varbinary | binary", "uuid | uuid", "json | json", "jsonb | jsonb",
            "date | date", "time | time", "character | char", "numeric | decimal"})
    void parses_aliases_to_canonical_names(String text, String canonical) {
        assertEquals(canonical, ColumnType.parse(text).toString());
    }

    @Test
    void parses_lengths_and_precision() {
        assertEquals(ColumnType.varchar(255), ColumnType.parse("varchar(255)"));
        assertEquals(ColumnType.varchar(20), ColumnType.parse("character varying (20)"));
        assertEquals(ColumnType.decimal(12, 2), ColumnType.parse("decimal(12,2)"));
        assertEquals(ColumnType.decimal(12, 2), ColumnType.parse("NUMERIC( 12 , 2 )"));
        assertEquals(ColumnType.decimal(10, 0), ColumnType.parse("decimal(10)"));
        assertEquals("decimal(10,0)", ColumnType.parse("decimal(10)").toString());
        assertEquals(new ColumnType(Kind.TIMESTAMP, null, 3, null, List.of(), null), ColumnType.parse("timestamp(3)"));
        assertEquals("char(2)", ColumnType.parse("char(2)").toString());
        assertEquals("binary(16)", ColumnType.parse("binary(16)").toString());
    }

    @Test
    void parses_postgres_style_precision_before_time_zone() {
        assertEquals(new ColumnType(Kind.TIMESTAMP_TZ, null, 3, null, List.of(), null), ColumnType.parse("timestamp(3) with time zone"));
        assertEquals("timestamptz(6)", ColumnType.parse("timestamp(6) with time zone").toString());
        assertEquals("timestamp(6)", ColumnType.parse("timestamp(6) without time zone").toString());
        assertEquals("time", ColumnType.parse("time without time zone").toString());
        assertEquals("int(11) unsigned", ColumnType.parse("int(11) unsigned").toString());
        assertEquals(Kind.OTHER, ColumnType.parse("varchar(20) collate \"C\"").kind());
    }

    @Test
    void parses_enum_values_with_quotes_and_commas() {
        ColumnType t = ColumnType.parse("enum('new','paid', 'it''s', \"a,b\", plain)");
        assertEquals(Kind.ENUM, t.kind());
        assertEquals(List.of("new", "paid", "it's", "a,b", "plain"), t.values());
        assertEquals("enum('new','paid','it''s','a,b','plain')", t.toString());
        assertEquals(t, ColumnType.parse(t.toString()));
    }

    @Test
    void enum_value_may_contain_parentheses_and_double_quotes() {
        ColumnType t = new ColumnType(Kind.ENUM, null, null, null, List.of("a)", "(b", "say \"hi\"", ""), null);
        assertEquals(t, ColumnType.parse(t.toString()));
    }

    @Test
    void unknown_types_are_kept_raw() {
        ColumnType t = ColumnType.parse("  geometry(Point, 4326) ");
        assertEquals(Kind.OTHER, t.kind());
        assertEquals("geometry(Point, 4326)", t.toString());
        assertEquals(t, ColumnType.parse(t.toString()));
        assertEquals("int[]", ColumnType.parse("int[]").toString());
        assertEquals("MEDIUMTEXT", ColumnType.parse("MEDIUMTEXT").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "varchar(", "varchar(0)", "varchar(-1)", "varchar(a)", "varchar(1,2)", "decimal(2,3)",
            "decimal(5,-1)", "decimal(1,2,3)", "enum", "enum()", "enum('a", "bigint(5)", "boolean(1)", "timestamp(x)",
            "timestamp(-1)", "timestamp(3,2)", "time(1,2)"})
    void rejects_malformed_types(String text) {
        assertThrows(IllegalArgumentException.class, () -> ColumnType.parse(text));
    }

    @Test
    void other_type_needs_raw_text_and_non_other_drops_it() {
        assertThrows(IllegalArgumentException.class, () -> new ColumnType(Kind.OTHER, null, null, null, List.of(), " "));
        assertEquals(null, new ColumnType(Kind.TEXT, null, null, null, null, "ignored").raw());
    }

    @Provide
    Arbitrary<ColumnType> types() {
        Arbitrary<ColumnType> simple = Arbitraries.of(Kind.values()).filter(k -> k != Kind.OTHER && k != Kind.ENUM).map(ColumnType::of);
        Arbitrary<ColumnType> sized = Arbitraries.integers().between(1, 65535).flatMap(n ->
                Arbitraries.of(Kind.CHAR, Kind.VARCHAR, Kind.BINARY).map(k -> new ColumnType(k, n, null, null, List.of(), null)));
        Arbitrary<ColumnType> decimal = Arbitraries.integers().between(1, 38).flatMap(p ->
                Arbitraries.integers().between(0, p).map(s -> ColumnType.decimal(p, s)));
        Arbitrary<ColumnType> timed = Arbitraries.integers().between(0, 9).flatMap(p ->
                Arbitraries.of(Kind.TIME, Kind.TIMESTAMP, Kind.TIMESTAMP_TZ).map(k -> new ColumnType(k, null, p, null, List.of(), null)));
        Arbitrary<String> value = Arbitraries.strings().withChars("ab ',\"()x_").ofMaxLength(6);
        Arbitrary<ColumnType> enums = value.list().ofMinSize(1).ofMaxSize(4)
                .map(vs -> new ColumnType(Kind.ENUM, null, null, null, vs, null));
        Arbitrary<ColumnType> other = Arbitraries.of("geometry", "int[]", "mediumtext", "citext", "interval", "money", "xml", "tsvector")
                .map(raw -> new ColumnType(Kind.OTHER, null, null, null, List.of(), raw));
        return Arbitraries.oneOf(simple, sized, decimal, timed, enums, other);
    }

    @Property(tries = 300)
    void to_string_parses_back_to_an_equal_type(@ForAll("types") ColumnType type) {
        assertEquals(type, ColumnType.parse(type.toString()));
    }
}
