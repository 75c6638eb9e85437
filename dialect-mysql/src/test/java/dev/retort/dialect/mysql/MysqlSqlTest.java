package dev.retort.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.retort.core.domain.schema.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Catalog text to portable types, and the spellings of defaults and checks. */
class MysqlSqlTest {

    @Test
    void catalog_types_read_back_as_portable_ones_only_when_they_render_the_same() {
        assertEquals(ColumnType.parse("bigint"), MysqlTypes.fromColumnType("bigint(20)"));
        assertEquals(ColumnType.parse("integer"), MysqlTypes.fromColumnType("int(11)"));
        assertEquals(ColumnType.parse("integer"), MysqlTypes.fromColumnType("int"));
        assertEquals(ColumnType.parse("boolean"), MysqlTypes.fromColumnType("tinyint(1)"));
        assertEquals(ColumnType.parse("timestamp(3)"), MysqlTypes.fromColumnType("datetime(3)"));
        assertEquals(ColumnType.parse("timestamp"), MysqlTypes.fromColumnType("datetime"));
        assertEquals(ColumnType.parse("timestamptz"), MysqlTypes.fromColumnType("timestamp"));
        assertEquals(ColumnType.parse("time(6)"), MysqlTypes.fromColumnType("time(6)"));
        assertEquals(ColumnType.parse("decimal(12,2)"), MysqlTypes.fromColumnType("decimal(12,2)"));
        assertEquals(ColumnType.parse("real"), MysqlTypes.fromColumnType("float"));
        assertEquals(ColumnType.parse("char(36)"), MysqlTypes.fromColumnType("char(36)"));
        assertEquals(ColumnType.parse("binary(16)"), MysqlTypes.fromColumnType("binary(16)"));
        assertEquals(ColumnType.parse("json"), MysqlTypes.fromColumnType("json"));
        assertEquals(new ColumnType(ColumnType.Kind.ENUM, null, null, null, List.of("A", "it's", "a\\b", "x,y"), null),
                MysqlTypes.fromColumnType("enum('A','it''s','a\\\\b','x,y')"));
        assertEquals(other("int unsigned"), MysqlTypes.fromColumnType("int(10) unsigned"));
        assertEquals(other("tinyint"), MysqlTypes.fromColumnType("tinyint(4)"));
        assertEquals(other("varbinary(16)"), MysqlTypes.fromColumnType("varbinary(16)"));
        assertEquals(other("longtext"), MysqlTypes.fromColumnType("LONGTEXT"));
        assertEquals(other("set('a','B')"), MysqlTypes.fromColumnType("SET('a', 'B')"));
        assertEquals(other("varchar(20) collate utf8mb4_bin"), MysqlTypes.fromColumnType("varchar(20)  COLLATE utf8mb4_bin"));
    }

    private static ColumnType other(String raw) {
        return new ColumnType(ColumnType.Kind.OTHER, null, null, null, List.of(), raw);
    }

    @Test
    void model_types_become_what_mysql_stores() {
        assertEquals(ColumnType.parse("json"), MysqlTypes.stored(ColumnType.parse("jsonb")));
        assertEquals(ColumnType.parse("char(36)"), MysqlTypes.stored(ColumnType.parse("uuid")));
        assertEquals(ColumnType.parse("varchar(255)"), MysqlTypes.stored(ColumnType.parse("varchar")));
        assertEquals(ColumnType.parse("char(1)"), MysqlTypes.stored(ColumnType.parse("char")));
        assertEquals(ColumnType.parse("decimal(10,0)"), MysqlTypes.stored(ColumnType.parse("decimal")));
        assertEquals(ColumnType.parse("timestamp"), MysqlTypes.stored(ColumnType.parse("timestamp(0)")));
        assertEquals(ColumnType.parse("blob"), MysqlTypes.stored(ColumnType.parse("binary")));
        assertEquals(ColumnType.parse("boolean"), MysqlTypes.stored(ColumnType.parse("tinyint(1)")));
        assertEquals(other("int unsigned"), MysqlTypes.stored(ColumnType.parse("INT(11) UNSIGNED")));
    }

    @Test
    void defaults_have_one_spelling() {
        ColumnType dec = ColumnType.parse("decimal(12,2)");
        ColumnType bool = ColumnType.parse("boolean");
        ColumnType text = ColumnType.parse("varchar(20)");
        ColumnType ts = ColumnType.parse("timestamp");
        assertNull(MysqlSql.canonicalDefault(text, "NULL"));
        assertNull(MysqlSql.canonicalDefault(text, null));
        assertEquals("0", MysqlSql.canonicalDefault(dec, "0.00"));
        assertEquals("-1.5", MysqlSql.canonicalDefault(dec, "-1.50"));
        assertEquals("10", MysqlSql.canonicalDefault(dec, "'10.00'"));
        assertEquals("true", MysqlSql.canonicalDefault(bool, "1"));
        assertEquals("false", MysqlSql.canonicalDefault(bool, "'0'"));
        assertEquals("true", MysqlSql.canonicalDefault(bool, "TRUE"));
        assertEquals("'it''s'", MysqlSql.canonicalDefault(text, "'it\\'s'"));
        assertEquals("'a\\\\b'", MysqlSql.canonicalDefault(text, "'a\\\\b'"));
        assertEquals("'5'", MysqlSql.canonicalDefault(text, "5"));
        assertEquals("'x'", MysqlSql.canonicalDefault(text, "('x')"));
        assertEquals("CURRENT_TIMESTAMP", MysqlSql.canonicalDefault(ts, "current_timestamp()"));
        assertEquals("CURRENT_TIMESTAMP", MysqlSql.canonicalDefault(ts, "now()"));
        assertEquals("CURRENT_TIMESTAMP(3)", MysqlSql.canonicalDefault(ts, "current_timestamp(3)"));
        assertEquals("uuid()", MysqlSql.canonicalDefault(ColumnType.parse("char(36)"), "(uuid())"));
        assertEquals("1 + 2", MysqlSql.canonicalDefault(ColumnType.parse("integer"), "(1 + 2)"));
    }

    @Test
    void check_expressions_read_back_readable_and_compare_in_compact_form() {
        assertEquals("qty >= 0", MysqlSql.readableCheck("`qty` >= 0"));
        assertEquals("qty >= 0", MysqlSql.readableCheck("(`qty` >= 0)"));
        assertEquals("`order` > 0 and `my col` < 'a`b'", MysqlSql.readableCheck("`order` > 0 and `my col` < 'a`b'"));
        assertEquals("s in ('new','old')", MysqlSql.readableCheck("(`s` in (_utf8mb4'new',_utf8mb4'old'))"));
        assertEquals(MysqlSql.compact("d >= 0 AND s IN ('new', 'old')"), MysqlSql.compact("`d` >= 0 and `s` in ('new','old')"));
        assertEquals(MysqlSql.compact("(a > 1)"), MysqlSql.compact("`a`>1"));
        assertEquals("json_valid(j)", MysqlSql.compact("json_valid(`j`)"));
    }
}
