package dev.retort.core.domain.revision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.operation.ExecuteSql;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaReplayTest {
    static final RevisionId A = RevisionId.of("aaa111");
    static final RevisionId B = RevisionId.of("bbb222");
    static final RevisionId C = RevisionId.of("ccc333");

    static Table table(String name, String... columns) {
        List<Column> cols = new java.util.ArrayList<>();
        cols.add(Column.of("id", ColumnType.parse("integer"), false));
        for (String c : columns) {
            cols.add(Column.of(c, ColumnType.parse("text"), true));
        }
        return Table.of(name, cols);
    }

    static ExecuteSql sql(String text, ExecuteSql.Declared declared) {
        return new ExecuteSql(text, Map.of(), declared);
    }

    @Test
    void undeclared_raw_sql_makes_the_tables_it_names_or_creates_unknown() {
        SchemaReplay r = SchemaReplay.EMPTY.apply(A, List.of(new CreateTable(table("account", "email"))))
                .apply(B, List.of(ExecuteSql.of("UPDATE account SET email = lower(email); CREATE TABLE audit (id int)")));
        assertEquals(Map.of("account", B, "audit", B), r.unknownTables());
        assertEquals(Set.of(), Set.copyOf(r.known().tableNames()));
    }

    @Test
    void declared_tables_replace_the_model_and_are_known() {
        Table audit = table("audit", "note");
        Table account = table("account", "email", "name");
        SchemaReplay r = SchemaReplay.EMPTY.apply(A, List.of(new CreateTable(table("account", "email")), new CreateTable(table("legacy"))))
                .apply(B, List.<Operation>of(sql("CREATE TABLE audit ...; ALTER TABLE account ...; DROP TABLE legacy",
                        new ExecuteSql.Declared(List.of(audit, account), List.of("legacy")))));
        assertEquals(Map.of(), r.unknownTables());
        assertEquals(List.of("account", "audit"), r.known().tableNames());
        assertEquals(account, r.schema().table("account").orElseThrow());
        assertEquals(audit, r.schema().table("audit").orElseThrow());
    }

    @Test
    void an_empty_declaration_changes_nothing_and_a_later_declaration_makes_an_unknown_table_known_again() {
        SchemaReplay r = SchemaReplay.EMPTY.apply(A, List.of(new CreateTable(table("account", "email"))))
                .apply(B, List.of(sql("UPDATE account SET email = lower(email)", ExecuteSql.Declared.NOTHING)));
        assertEquals(Map.of(), r.unknownTables());
        SchemaReplay unknown = r.apply(C, List.of(ExecuteSql.of("ALTER TABLE account ADD note text")));
        assertTrue(unknown.unknownTables().containsKey("account"));
        SchemaReplay known = unknown.apply(RevisionId.of("ddd444"), List.of(sql("-- restated", new ExecuteSql.Declared(List.of(table("account", "email", "note")), null))));
        assertFalse(known.unknownTables().containsKey("account"));
        assertTrue(known.known().table("account").orElseThrow().column("note").isPresent());
    }

    @Test
    void a_declaration_may_not_name_a_table_twice() {
        assertThrows(IllegalArgumentException.class, () -> new ExecuteSql.Declared(List.of(table("a")), List.of("a")));
        assertThrows(IllegalArgumentException.class, () -> new ExecuteSql.Declared(List.of(table("a"), table("a")), List.of()));
    }
}
