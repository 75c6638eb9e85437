package dev.retort.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.retort.core.domain.UnsupportedOperationForDialectException;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.ConstraintType;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.DropIndex;
import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.PrimaryKey;
import dev.retort.core.domain.schema.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlDdlRendererTest {
    private final MysqlDdlRenderer renderer = new MysqlDdlRenderer();

    @Test
    void create_table_uses_backticks_auto_increment_native_enum_and_inline_comments() {
        Table t = new Table("order", List.of(new Column("id", ColumnType.of(ColumnType.Kind.BIGINT), false, null, true, null),
                new Column("state", ColumnType.parse("enum('new','it''s','a\\b')"), false, "'new'", false, "a `state`")),
                new PrimaryKey(null, List.of("id")), null, null, null, null, "orders");
        assertEquals(List.of("""
                CREATE TABLE `order` (
                    `id` BIGINT AUTO_INCREMENT NOT NULL,
                    `state` ENUM('new', 'it''s', 'a\\\\b') NOT NULL DEFAULT 'new' COMMENT 'a `state`',
                    PRIMARY KEY (`id`)
                ) COMMENT='orders'"""), renderer.render(new CreateTable(t)));
    }

    @Test
    void mysql_specific_drops() {
        assertEquals(List.of("DROP INDEX `ix` ON `t`"), renderer.render(new DropIndex("t", "ix")));
        assertEquals(List.of("ALTER TABLE `t` DROP FOREIGN KEY `fk`"), renderer.render(new DropConstraint("t", "fk", ConstraintType.FOREIGN_KEY)));
        assertEquals(List.of("ALTER TABLE `t` DROP INDEX `uq`"), renderer.render(new DropConstraint("t", "uq", ConstraintType.UNIQUE)));
        assertEquals(List.of("ALTER TABLE `t` DROP PRIMARY KEY"), renderer.render(new DropConstraint("t", "pk", ConstraintType.PRIMARY_KEY)));
    }

    @Test
    void alter_column_changes_defaults_only_until_modify_column_arrives() {
        assertEquals(List.of("ALTER TABLE `t` ALTER COLUMN `c` SET DEFAULT 1"),
                renderer.render(new AlterColumn("t", "c", null, null, new AlterColumn.Change("1"), null)));
        assertThrows(UnsupportedOperationForDialectException.class,
                () -> renderer.render(new AlterColumn("t", "c", null, false, null, null)));
    }

    @Test
    void raw_sql_splitting_knows_backslash_escapes() {
        assertEquals(List.of("INSERT INTO t VALUES ('a\\';b')", "SELECT 1"), renderer.render(ExecuteSql.of("INSERT INTO t VALUES ('a\\';b'); SELECT 1")));
    }

    @Test
    void column_types_read_back_as_portable_ones() {
        assertEquals(ColumnType.of(ColumnType.Kind.BIGINT), MysqlSchemaInspector.parseType("bigint(20)"));
        assertEquals(ColumnType.of(ColumnType.Kind.INTEGER), MysqlSchemaInspector.parseType("int(11)"));
        assertEquals(ColumnType.of(ColumnType.Kind.BOOLEAN), MysqlSchemaInspector.parseType("tinyint(1)"));
        assertEquals(ColumnType.parse("timestamp(3)"), MysqlSchemaInspector.parseType("datetime(3)"));
        assertEquals(ColumnType.parse("timestamptz"), MysqlSchemaInspector.parseType("timestamp"));
        assertEquals(ColumnType.parse("enum('A','b')"), MysqlSchemaInspector.parseType("enum('A','b')"));
        assertEquals(ColumnType.Kind.OTHER, MysqlSchemaInspector.parseType("int(10) unsigned").kind());
    }
}
