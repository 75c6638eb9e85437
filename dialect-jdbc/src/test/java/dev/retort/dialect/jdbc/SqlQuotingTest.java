package dev.retort.dialect.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** jOOQ is the oracle: our hand-written quoting must render what jOOQ renders. */
class SqlQuotingTest {
    private static final List<String> NAMES = List.of("plain", "Mixed Case", "select", "a\"b", "a`b", "a'b", "a\\b", "ü-ß", "x]y");
    private static final List<String> TEXTS = List.of("", "plain", "it's", "a\\b", "a\\'b", "\"q\"", "line\nbreak");

    @BeforeAll
    static void quietJooq() {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
    }

    @Test
    void ansi_quoting_matches_jooq_for_postgres() {
        // Not checked against jOOQ's SQLITE: it leaves simple names unquoted whatever the settings,
        // while Retort always quotes. SQLite follows the same standard rules as PostgreSQL.
        assertSame(SqlQuoting.ANSI, jooq(SQLDialect.POSTGRES));
    }

    @Test
    void mysql_quoting_matches_jooq_for_mysql_and_mariadb() {
        for (SQLDialect d : List.of(SQLDialect.MYSQL, SQLDialect.MARIADB)) {
            assertSame(SqlQuoting.MYSQL, jooq(d));
        }
    }

    @Test
    void blank_identifiers_are_rejected() {
        assertThrows(IllegalArgumentException.class, () -> SqlQuoting.ANSI.identifier(" "));
        assertThrows(IllegalArgumentException.class, () -> SqlQuoting.ANSI.identifier("a\0b"));
    }

    private static DSLContext jooq(SQLDialect dialect) {
        return DSL.using(dialect, new Settings().withRenderQuotedNames(RenderQuotedNames.ALWAYS));
    }

    private static void assertSame(SqlQuoting quoting, DSLContext jooq) {
        for (String n : NAMES) {
            assertEquals(jooq.render(DSL.name(n)), quoting.identifier(n), jooq.dialect() + " identifier " + n);
        }
        for (String t : TEXTS) {
            assertEquals(jooq.render(DSL.inline(t)), quoting.literal(t), jooq.dialect() + " literal " + t);
        }
    }
}
