package dev.retort.adapter.jpa;

import java.util.Locale;

/**
 * Table and column names as a JPA provider makes them. Two steps, as in Hibernate: an implicit
 * (logical) name when the mapping gives none, then a physical name for every name, given or
 * implicit. A name in double quotes or backticks is quoted: used exactly as written.
 */
final class Naming {
    private final JpaOptions options;

    Naming(JpaOptions options) {
        this.options = options;
    }

    boolean snakeCase() {
        return options.naming() == JpaOptions.NamingStyle.SNAKE_CASE;
    }

    /** @return the physical table or column name for a logical one */
    String physical(String logical) {
        if (isQuoted(logical)) {
            return logical.substring(1, logical.length() - 1);
        }
        String name = snakeCase() ? camelToUnderscores(logical) : logical;
        return switch (options.identifierCase()) {
            case PRESERVE -> snakeCase() ? name.toLowerCase(Locale.ROOT) : name;
            case LOWER -> name.toLowerCase(Locale.ROOT);
            case UPPER -> name.toUpperCase(Locale.ROOT);
        };
    }

    /**
     * Implicit join table name. JPA: the two entity tables joined by {@code _}, owning side first;
     * Spring Boot: the owning table and the attribute.
     */
    String implicitJoinTable(String owningTable, String inverseTable, String attribute) {
        return snakeCase() ? owningTable + "_" + attribute : owningTable + "_" + inverseTable;
    }

    static boolean isQuoted(String name) {
        return name.length() > 2 && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("`") && name.endsWith("`"));
    }

    /**
     * Hibernate's {@code CamelCaseToUnderscoresNamingStrategy}: dots become underscores and an
     * underscore goes before each upper-case letter that follows a lower-case letter or digit and
     * precedes a lower-case letter or digit ({@code birthDate} is {@code birth_date},
     * {@code HTMLCode} stays one word); the caller lower-cases.
     */
    static String camelToUnderscores(String name) {
        StringBuilder b = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < b.length() - 1; i++) {
            char before = b.charAt(i - 1);
            char current = b.charAt(i);
            char after = b.charAt(i + 1);
            if ((Character.isLowerCase(before) || Character.isDigit(before)) && Character.isUpperCase(current)
                    && (Character.isLowerCase(after) || Character.isDigit(after))) {
                b.insert(i++, '_');
            }
        }
        return b.toString();
    }
}
