package dev.retort.dialect.jdbc;

import java.util.List;
import java.util.stream.Collectors;

/**
 * How a dialect quotes identifiers and string literals. Identifiers are always quoted, so reserved
 * words, mixed case and odd characters survive; the quote character inside a name is doubled.
 *
 * <p>Hand-written rather than rendered through jOOQ: the rules are two lines each, and jOOQ prints
 * a banner on first use, which a CLI must not show. {@code SqlQuotingTest} checks that the output
 * equals jOOQ's for the same dialects.
 */
public final class SqlQuoting {
    /** SQL standard: {@code "name"}, {@code 'text'} (SQLite, PostgreSQL). */
    public static final SqlQuoting ANSI = new SqlQuoting('"', false);
    /**
     * MySQL and MariaDB: {@code `name`}; backslashes in literals are escaped because the default
     * {@code sql_mode} treats a backslash as an escape character.
     */
    public static final SqlQuoting MYSQL = new SqlQuoting('`', true);

    private final char identifierQuote;
    private final boolean backslashEscapes;

    public SqlQuoting(char identifierQuote, boolean backslashEscapes) {
        this.identifierQuote = identifierQuote;
        this.backslashEscapes = backslashEscapes;
    }

    /** @return whether a backslash escapes the next character inside string literals */
    public boolean backslashEscapes() {
        return backslashEscapes;
    }

    /**
     * @param name an identifier, not blank
     * @return the identifier quoted for this dialect
     * @throws IllegalArgumentException when the name is blank or holds a NUL character
     */
    public String identifier(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an identifier must not be blank");
        }
        if (name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("identifier '" + name.replace('\0', '?') + "' contains a NUL character");
        }
        String q = String.valueOf(identifierQuote);
        return q + name.replace(q, q + q) + q;
    }

    /** @return the identifiers quoted and joined by {@code ", "} */
    public String identifiers(List<String> names) {
        return names.stream().map(this::identifier).collect(Collectors.joining(", "));
    }

    /** @return a string literal holding exactly {@code text} */
    public String literal(String text) {
        String t = text;
        if (backslashEscapes) {
            t = t.replace("\\", "\\\\");
        }
        return "'" + t.replace("'", "''") + "'";
    }
}
