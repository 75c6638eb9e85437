package dev.retort.dialect.mysql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.UnsupportedOperationForDialectException;
import dev.retort.core.domain.operation.AddCheckConstraint;
import dev.retort.core.domain.operation.AddColumn;
import dev.retort.core.domain.operation.AddForeignKey;
import dev.retort.core.domain.operation.AddPrimaryKey;
import dev.retort.core.domain.operation.AddUniqueConstraint;
import dev.retort.core.domain.operation.AlterColumn;
import dev.retort.core.domain.operation.ConstraintType;
import dev.retort.core.domain.operation.CreateIndex;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.DropColumn;
import dev.retort.core.domain.operation.DropConstraint;
import dev.retort.core.domain.operation.DropIndex;
import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.operation.RenameColumn;
import dev.retort.core.domain.operation.RenameTable;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SQL text for every operation, without a server (the conformance suites run it). */
class MysqlDdlRendererTest {
    private final MysqlDdlRenderer renderer = new MysqlDdlRenderer();

    private static Column col(String name, String type) {
        return Column.of(name, ColumnType.parse(type), true);
    }

    /** person(id bigint autoincrement pk, name varchar(100) not null default 'x' comment 'full name', bio text). */
    private static Schema people() {
        Table person = new Table("person", List.of(new Column("id", ColumnType.parse("bigint"), false, null, true, null),
                new Column("name", ColumnType.parse("varchar(100)"), false, "'x'", false, "full name"), col("bio", "text"),
                col("a", "integer"), col("b", "integer")),
                new PrimaryKey(null, List.of("id")), List.of(new UniqueConstraint("uq_person_a_b", List.of("a", "b"))),
                List.of(new Index("ix_person_b_name", List.of("b", "name"), false), new Index("ix_person_a", List.of("a"), false)),
                List.of(), List.of(), null);
        return new Schema(List.of(person));
    }

    @Test
    void create_table_uses_backticks_auto_increment_native_enum_comments_and_table_options() {
        Table t = new Table("order", List.of(new Column("id", ColumnType.of(ColumnType.Kind.BIGINT), false, null, true, null),
                new Column("state", ColumnType.parse("enum('new','it''s','a\\b')"), false, "'new'", false, "a `state`"),
                col("account_id", "bigint"), col("qty", "integer")),
                new PrimaryKey("pk_order", List.of("id")), List.of(new UniqueConstraint(null, List.of("account_id", "qty"))), null,
                List.of(new ForeignKey(null, List.of("account_id"), "account", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.SET_NULL)),
                List.of(new CheckConstraint("ck_qty", "qty >= 0")), "orders");
        assertEquals(List.of("""
                CREATE TABLE `order` (
                    `id` BIGINT NOT NULL AUTO_INCREMENT,
                    `state` ENUM('new', 'it''s', 'a\\\\b') NOT NULL DEFAULT 'new' COMMENT 'a `state`',
                    `account_id` BIGINT NULL,
                    `qty` INT NULL,
                    PRIMARY KEY (`id`),
                    CONSTRAINT `order_account_id_qty_key` UNIQUE (`account_id`, `qty`),
                    CONSTRAINT `order_account_id_fkey` FOREIGN KEY (`account_id`) REFERENCES `account` (`id`) ON DELETE CASCADE ON UPDATE SET NULL,
                    CONSTRAINT `ck_qty` CHECK (qty >= 0)
                ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='orders'"""), renderer.render(new CreateTable(t)));
    }

    @Test
    void every_portable_type_has_a_mysql_type() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("smallint", "SMALLINT");
        expected.put("integer", "INT");
        expected.put("bigint", "BIGINT");
        expected.put("decimal(12,2)", "DECIMAL(12,2)");
        expected.put("decimal", "DECIMAL");
        expected.put("real", "FLOAT");
        expected.put("double", "DOUBLE");
        expected.put("boolean", "BOOLEAN");
        expected.put("char(3)", "CHAR(3)");
        expected.put("varchar(40)", "VARCHAR(40)");
        expected.put("varchar", "VARCHAR(255)");
        expected.put("text", "TEXT");
        expected.put("date", "DATE");
        expected.put("time", "TIME");
        expected.put("time(3)", "TIME(3)");
        expected.put("timestamp", "DATETIME");
        expected.put("timestamp(6)", "DATETIME(6)");
        expected.put("timestamptz", "TIMESTAMP");
        expected.put("timestamptz(3)", "TIMESTAMP(3)");
        expected.put("uuid", "CHAR(36)");
        expected.put("json", "JSON");
        expected.put("jsonb", "JSON");
        expected.put("binary(16)", "BINARY(16)");
        expected.put("binary", "BLOB");
        expected.put("blob", "BLOB");
        expected.put("enum('a','b')", "ENUM('a', 'b')");
        expected.put("mediumtext", "mediumtext");
        expected.put("int unsigned", "int unsigned");
        expected.put("set('a','b')", "set('a','b')");
        expected.put("varchar(20) collate utf8mb4_bin", "varchar(20) collate utf8mb4_bin");
        expected.forEach((portable, mysql) -> assertEquals(List.of("ALTER TABLE `t` ADD COLUMN `c` " + mysql + " NULL"),
                renderer.render(new AddColumn("t", col("c", portable))), portable));
    }

    @Test
    void a_raw_type_must_be_a_type_name() {
        UnsupportedOperationForDialectException e = assertThrows(UnsupportedOperationForDialectException.class,
                () -> renderer.render(new AddColumn("t", col("c", "int; DROP TABLE x"))));
        assertTrue(e.getMessage().contains("int; DROP TABLE x"), e.getMessage());
        assertThrows(UnsupportedOperationForDialectException.class, () -> renderer.render(new AddColumn("t", col("c", "set('a)"))));
    }

    @Test
    void defaults_are_literals_current_timestamp_or_parenthesized_expressions() {
        assertEquals("0", renderer.defaultSql(ColumnType.parse("decimal(12,2)"), "0.00"));
        assertEquals("5", renderer.defaultSql(ColumnType.parse("integer"), "'5'"));
        assertEquals("true", renderer.defaultSql(ColumnType.parse("boolean"), "TRUE"));
        assertEquals("false", renderer.defaultSql(ColumnType.parse("boolean"), "0"));
        assertEquals("'it''s'", renderer.defaultSql(ColumnType.parse("varchar(10)"), "'it\\'s'"));
        assertEquals("('x')", renderer.defaultSql(ColumnType.parse("text"), "'x'"), "MySQL takes only expression defaults on TEXT");
        assertEquals("('{}')", renderer.defaultSql(ColumnType.parse("json"), "'{}'"));
        assertEquals("CURRENT_TIMESTAMP", renderer.defaultSql(ColumnType.parse("timestamp"), "now()"));
        assertEquals("CURRENT_TIMESTAMP(3)", renderer.defaultSql(ColumnType.parse("timestamp(3)"), "current_timestamp(3)"));
        assertEquals("(uuid())", renderer.defaultSql(ColumnType.parse("uuid"), "uuid()"));
        assertEquals("(1 + 2)", renderer.defaultSql(ColumnType.parse("integer"), "(1 + 2)"));
        assertEquals("NULL", renderer.defaultSql(ColumnType.parse("integer"), "null"));
    }

    @Test
    void renames_and_drops_use_mysql_syntax() {
        assertEquals(List.of("ALTER TABLE `a` RENAME TO `b`"), renderer.render(new RenameTable("a", "b")));
        assertEquals(List.of("ALTER TABLE `t` RENAME COLUMN `a` TO `b`"), renderer.render(new RenameColumn("t", "a", "b")));
        assertEquals(List.of("DROP INDEX `ix` ON `t`"), renderer.render(new DropIndex("t", "ix")));
        assertEquals(List.of("ALTER TABLE `t` DROP INDEX `uq`"), renderer.render(new DropConstraint("t", "uq", ConstraintType.UNIQUE)));
        assertEquals(List.of("ALTER TABLE `t` DROP PRIMARY KEY"), renderer.render(new DropConstraint("t", "pk", ConstraintType.PRIMARY_KEY)));
        assertEquals(List.of("ALTER TABLE `t` DROP CONSTRAINT `ck`"), renderer.render(new DropConstraint("t", "ck", ConstraintType.CHECK)));
    }

    @Test
    void dropping_a_foreign_key_also_drops_the_index_mysql_made_for_it_if_there_is_one() {
        assertEquals(List.of("ALTER TABLE `t` DROP FOREIGN KEY `fk`",
                "SET @retort_ddl = IF(EXISTS(SELECT 1 FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
                        + " AND TABLE_NAME = 't' AND INDEX_NAME = 'fk'), 'ALTER TABLE `t` DROP INDEX `fk`', 'DO 0')",
                "PREPARE retort_ddl FROM @retort_ddl", "EXECUTE retort_ddl", "DEALLOCATE PREPARE retort_ddl"),
                renderer.render(new DropConstraint("t", "fk", ConstraintType.FOREIGN_KEY)));
        Schema declared = new Schema(List.of(new Table("t", List.of(col("a", "integer")), null, null,
                List.of(new Index("fk", List.of("a"), false)), null, null, null)));
        assertEquals(List.of("ALTER TABLE `t` DROP FOREIGN KEY `fk`"),
                renderer.render(new DropConstraint("t", "fk", ConstraintType.FOREIGN_KEY), declared), "an index the model declares stays");
    }

    @Test
    void keys_get_postgres_names_when_unnamed_and_the_primary_key_none() {
        assertEquals(List.of("ALTER TABLE `t` ADD PRIMARY KEY (`a`, `b`)"),
                renderer.render(new AddPrimaryKey("t", new PrimaryKey("t_pkey", List.of("a", "b")))));
        assertEquals(List.of("ALTER TABLE `t` ADD CONSTRAINT `t_a_b_key` UNIQUE (`a`, `b`)"),
                renderer.render(new AddUniqueConstraint("t", new UniqueConstraint(null, List.of("a", "b")))));
        assertEquals(List.of("ALTER TABLE `t` ADD CONSTRAINT `t_a_fkey` FOREIGN KEY (`a`) REFERENCES `u` (`id`)"),
                renderer.render(new AddForeignKey("t", new ForeignKey(null, List.of("a"), "u", List.of("id"), null, null))));
        String longName = MysqlDdlRenderer.generatedName("t".repeat(40), List.of("c".repeat(30)), "fkey");
        assertEquals(64, longName.length());
        assertEquals(longName, MysqlDdlRenderer.generatedName("t".repeat(40), List.of("c".repeat(30)), "fkey"), "stable");
    }

    @Test
    void unique_indexes_carry_the_marker_that_tells_them_from_unique_constraints() {
        assertEquals(List.of("CREATE UNIQUE INDEX `ux` ON `person` (`name`) COMMENT 'retort: unique index'"),
                renderer.render(new CreateIndex("person", new Index("ux", List.of("name"), true)), people()));
        assertEquals(List.of("CREATE INDEX `ix` ON `person` (`name`, `a`)"),
                renderer.render(new CreateIndex("person", new Index("ix", List.of("name", "a"), false)), people()));
    }

    @Test
    void indexes_on_text_blob_or_json_columns_are_refused_with_what_to_do() {
        UnsupportedOperationForDialectException e = assertThrows(UnsupportedOperationForDialectException.class,
                () -> renderer.render(new CreateIndex("person", new Index("ix_bio", List.of("bio"), false)), people()));
        assertTrue(e.getMessage().contains("prefix length") && e.getMessage().contains("varchar(n)") && e.getMessage().contains("bio"),
                e.getMessage());
        assertThrows(UnsupportedOperationForDialectException.class,
                () -> renderer.render(new AddUniqueConstraint("person", new UniqueConstraint(null, List.of("bio"))), people()));
        assertThrows(UnsupportedOperationForDialectException.class, () -> renderer.render(new CreateTable(
                new Table("doc", List.of(col("body", "json")), new PrimaryKey(null, List.of("body")), null, null, null, null, null))));
    }

    @Test
    void a_check_on_a_column_a_foreign_key_changes_is_refused_with_both_named() {
        Table pet = new Table("pet", List.of(col("id", "integer"), col("owner_id", "integer")), new PrimaryKey(null, List.of("id")), null, null,
                List.of(new ForeignKey("fk_pet_owner", List.of("owner_id"), "owner", List.of("id"), ReferentialAction.CASCADE, ReferentialAction.CASCADE)),
                List.of(new CheckConstraint("ck", "`owner_id` > 0")), null);
        UnsupportedOperationForDialectException e = assertThrows(UnsupportedOperationForDialectException.class,
                () -> renderer.render(new CreateTable(pet)));
        assertTrue(e.getMessage().contains("fk_pet_owner") && e.getMessage().contains("ON UPDATE CASCADE")
                && e.getMessage().contains("`owner_id` > 0"), e.getMessage());
        Schema before = new Schema(List.of(pet.withChecks(List.of())));
        assertThrows(UnsupportedOperationForDialectException.class,
                () -> renderer.render(new AddCheckConstraint("pet", new CheckConstraint(null, "owner_id <> 7")), before));
        Table onDeleteCascade = pet.withForeignKeys(List.of(new ForeignKey(null, List.of("owner_id"), "owner", List.of("id"),
                ReferentialAction.CASCADE, null)));
        assertEquals(1, renderer.render(new CreateTable(onDeleteCascade)).size(), "ON DELETE CASCADE changes no column");
    }

    @Test
    void alter_column_changes_only_the_default_in_place() {
        assertEquals(List.of("ALTER TABLE `person` ALTER COLUMN `a` SET DEFAULT 1"),
                renderer.render(new AlterColumn("person", "a", null, null, new AlterColumn.Change("1"), null), people()));
        assertEquals(List.of("ALTER TABLE `person` ALTER COLUMN `bio` SET DEFAULT ('none')"),
                renderer.render(new AlterColumn("person", "bio", null, null, new AlterColumn.Change("'none'"), null), people()));
        assertEquals(List.of("ALTER TABLE `person` ALTER COLUMN `a` DROP DEFAULT"),
                renderer.render(new AlterColumn("person", "a", null, null, new AlterColumn.Change(null), null), people()));
        assertEquals(List.of("ALTER TABLE `elsewhere` ALTER COLUMN `a` SET DEFAULT 1"),
                renderer.render(new AlterColumn("elsewhere", "a", null, null, new AlterColumn.Change("1"), null)),
                "a default needs no definition, so an unknown table is fine");
    }

    @Test
    void alter_column_restates_the_whole_column_with_modify() {
        assertEquals(List.of("ALTER TABLE `person` MODIFY COLUMN `name` VARCHAR(200) NOT NULL DEFAULT 'x' COMMENT 'full name'"),
                renderer.render(new AlterColumn("person", "name", ColumnType.parse("varchar(200)"), null, null, null), people()));
        assertEquals(List.of("ALTER TABLE `person` MODIFY COLUMN `name` VARCHAR(100) NULL DEFAULT 'x'"),
                renderer.render(new AlterColumn("person", "name", null, true, null, new AlterColumn.Change(null)), people()));
        assertEquals(List.of("ALTER TABLE `person` MODIFY COLUMN `id` BIGINT NOT NULL AUTO_INCREMENT COMMENT 'key'"),
                renderer.render(new AlterColumn("person", "id", null, true, null, new AlterColumn.Change("key")), people()),
                "a primary key column stays NOT NULL and keeps AUTO_INCREMENT");
        assertEquals(List.of("ALTER TABLE `person` MODIFY COLUMN `bio` VARCHAR(500) NOT NULL DEFAULT ''"),
                renderer.render(new AlterColumn("person", "bio", ColumnType.parse("varchar(500)"), false, new AlterColumn.Change("''"), null),
                        people()));
    }

    @Test
    void alter_column_on_a_table_or_column_the_model_does_not_know_is_refused() {
        UnsupportedOperationForDialectException table = assertThrows(UnsupportedOperationForDialectException.class,
                () -> renderer.render(new AlterColumn("made_by_sql", "a", ColumnType.parse("bigint"), null, null, null), people()));
        assertTrue(table.getMessage().contains("table made_by_sql is unknown") && table.getMessage().contains("raw sql")
                && table.getMessage().contains("MODIFY COLUMN"), table.getMessage());
        UnsupportedOperationForDialectException column = assertThrows(UnsupportedOperationForDialectException.class,
                () -> renderer.render(new AlterColumn("person", "nope", null, false, null, null), people()));
        assertTrue(column.getMessage().contains("column nope of table person is unknown") && column.getMessage().contains("raw sql"),
                column.getMessage());
    }

    @Test
    void drop_column_first_drops_keys_that_hold_it_with_other_columns() {
        assertEquals(List.of("ALTER TABLE `person` DROP INDEX `uq_person_a_b`, DROP INDEX `ix_person_b_name`, DROP COLUMN `b`"),
                renderer.render(new DropColumn("person", "b"), people()));
        assertEquals(List.of("ALTER TABLE `person` DROP COLUMN `a`"), renderer.render(new DropColumn("person", "a"), Schema.EMPTY));
    }

    @Test
    void raw_sql_splitting_knows_backslash_escapes() {
        assertEquals(List.of("INSERT INTO t VALUES ('a\\';b')", "SELECT 1"), renderer.render(ExecuteSql.of("INSERT INTO t VALUES ('a\\';b'); SELECT 1")));
        assertEquals(List.of("SELECT 2"), renderer.render(new ExecuteSql("SELECT 1", Map.of("mysql", "SELECT 2"))));
        assertEquals(List.of(), renderer.render(new ExecuteSql(null, Map.of("postgres", "SELECT 2"))));
    }
}
