package dev.retort.dialect.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptSplitterTest {

    private static List<String> split(String sql) {
        return SqlScriptSplitter.split(sql, false);
    }

    @Test
    void splits_at_top_level_semicolons_and_drops_blank_statements() {
        assertEquals(List.of("SELECT 1", "SELECT 2"), split(" SELECT 1 ;\n\n SELECT 2;;  \n"));
    }

    @Test
    void a_single_statement_without_semicolon_is_kept() {
        assertEquals(List.of("UPDATE t SET a = 1"), split("UPDATE t SET a = 1"));
    }

    @Test
    void semicolons_in_literals_identifiers_and_comments_do_not_split() {
        String sql = "INSERT INTO \"a;b\" VALUES ('x;''y') -- c;d\n; /* e;f */ SELECT `g;h`";
        assertEquals(List.of("INSERT INTO \"a;b\" VALUES ('x;''y') -- c;d", "/* e;f */ SELECT `g;h`"), split(sql));
    }

    @Test
    void a_script_of_only_comments_has_no_statements() {
        assertEquals(List.of(), split("-- nothing here;\n/* nor; here */"));
    }

    @Test
    void postgres_dollar_quoted_bodies_stay_whole() {
        String fn = "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END; $body$ LANGUAGE plpgsql";
        assertEquals(List.of(fn, "SELECT f()"), split(fn + "; SELECT f();"));
        assertEquals(List.of("DO $$ BEGIN PERFORM 1; END $$"), split("DO $$ BEGIN PERFORM 1; END $$;"));
    }

    @Test
    void trigger_bodies_with_begin_end_and_case_stay_whole() {
        String trigger = "CREATE TRIGGER t AFTER INSERT ON a BEGIN UPDATE a SET n = CASE WHEN n > 1 THEN 1 ELSE 2 END; "
                + "INSERT INTO log VALUES (1); END";
        assertEquals(List.of(trigger, "SELECT 1"), split(trigger + ";\nSELECT 1"));
    }

    @Test
    void mysql_compound_statements_stay_whole() {
        String proc = "CREATE PROCEDURE p() BEGIN IF 1 THEN SELECT 1; END IF; WHILE 0 DO SELECT 2; END WHILE; END";
        assertEquals(List.of(proc, "CALL p()"), SqlScriptSplitter.split(proc + "; CALL p()", true));
    }

    @Test
    void a_plain_begin_transaction_does_not_open_a_block() {
        assertEquals(List.of("BEGIN", "SELECT 1", "END"), split("BEGIN; SELECT 1; END;"));
    }

    @Test
    void backslashes_escape_quotes_only_where_the_dialect_says_so() {
        assertEquals(List.of("SELECT 'a\\'; SELECT 1'"), SqlScriptSplitter.split("SELECT 'a\\'; SELECT 1'", true));
        assertEquals(List.of("SELECT 'a\\'", "SELECT 1"), split("SELECT 'a\\'; SELECT 1"));
    }
}
