package dev.retort.dialect.jdbc;

import dev.retort.core.domain.Secrets;
import java.sql.SQLException;

/** Turns driver exceptions into the one-line messages Retort shows. */
public final class SqlErrors {
    private static final int STATEMENT_EXCERPT = 160;

    private SqlErrors() {
    }

    /**
     * @param password a password to mask wherever it appears, or null
     * @return the database's message on one line, with the SQLState when the driver gives one and
     *         passwords masked
     */
    public static String describe(SQLException e, String password) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        message = oneLine(message);
        String state = e.getSQLState();
        if (state != null && !state.isBlank() && !message.contains(state)) {
            message = message + " [SQLState " + state + "]";
        }
        return Secrets.mask(message, password);
    }

    /** @return the statement on one line, shortened to a readable excerpt */
    public static String excerpt(String sql) {
        String line = oneLine(sql);
        return line.length() <= STATEMENT_EXCERPT ? line : line.substring(0, STATEMENT_EXCERPT - 3) + "...";
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
