package dev.retort.core.domain.operation;

import java.util.Locale;

public enum ConstraintType {
    PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK;

    public String fileName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ConstraintType parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (t.equals("FOREIGNKEY")) {
            return FOREIGN_KEY;
        }
        for (ConstraintType c : values()) {
            if (c.name().equals(t)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown constraint type '" + text + "' (expected primary_key, unique, foreign_key or check)");
    }
}
