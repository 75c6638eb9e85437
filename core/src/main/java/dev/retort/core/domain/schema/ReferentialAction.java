package dev.retort.core.domain.schema;

import java.util.Locale;

public enum ReferentialAction {
    NO_ACTION("NO ACTION"), RESTRICT("RESTRICT"), CASCADE("CASCADE"), SET_NULL("SET NULL"), SET_DEFAULT("SET DEFAULT");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    public String sql() {
        return sql;
    }

    /** Lower-case file form: {@code cascade}, {@code set null}, ... */
    public String fileName() {
        return sql.toLowerCase(Locale.ROOT);
    }

    public static ReferentialAction parse(String text) {
        if (text == null || text.isBlank()) {
            return NO_ACTION;
        }
        String t = text.trim().toUpperCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
        for (ReferentialAction a : values()) {
            if (a.sql.equals(t)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown referential action '" + text + "' (expected cascade, restrict, set null, set default or no action)");
    }
}
