package dev.retort.adapter.jpa;

import dev.retort.core.domain.ConfigException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code target_options:} understood by the JPA model.
 *
 * @param naming         how implicit and explicit names become table and column names
 * @param identifierCase how the final names are cased, to match how the database folds the
 *                       unquoted names Hibernate sends
 */
record JpaOptions(NamingStyle naming, IdentifierCase identifierCase) {
    static final String NAMING = "naming";
    static final String IDENTIFIER_CASE = "identifier_case";

    /** Names as JPA defines them, or as Spring Boot's default naming strategies make them. */
    enum NamingStyle {
        /** Hibernate's defaults: JPA-compliant implicit names, explicit names kept as written. */
        JPA("jpa"),
        /** Spring Boot's defaults: {@code SpringImplicitNamingStrategy} and {@code CamelCaseToUnderscoresNamingStrategy}. */
        SNAKE_CASE("snake_case");

        final String text;

        NamingStyle(String text) {
            this.text = text;
        }
    }

    /** What the database makes of an unquoted name. */
    enum IdentifierCase {
        PRESERVE("preserve"), LOWER("lower"), UPPER("upper");

        final String text;

        IdentifierCase(String text) {
            this.text = text;
        }
    }

    static final JpaOptions DEFAULT = new JpaOptions(NamingStyle.JPA, IdentifierCase.PRESERVE);

    /** @throws ConfigException naming the key, the value and the choices */
    static JpaOptions parse(Map<String, String> options) {
        NamingStyle naming = NamingStyle.JPA;
        IdentifierCase identifierCase = IdentifierCase.PRESERVE;
        for (Map.Entry<String, String> e : options.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue().strip().toLowerCase(Locale.ROOT);
            switch (e.getKey()) {
                case NAMING -> naming = choose(NamingStyle.values(), value, e, "jpa, snake_case");
                case IDENTIFIER_CASE -> identifierCase = choose(IdentifierCase.values(), value, e, "preserve, lower, upper");
                default -> throw new ConfigException("target_options: unknown key '" + e.getKey() + "' for target_metadata jpa:; expected "
                        + String.join(", ", new TreeSet<>(java.util.List.of(NAMING, IDENTIFIER_CASE))));
            }
        }
        return new JpaOptions(naming, identifierCase);
    }

    private static <E extends Enum<E>> E choose(E[] values, String value, Map.Entry<String, String> e, String expected) {
        for (E v : values) {
            String text = v instanceof NamingStyle n ? n.text : ((IdentifierCase) v).text;
            if (text.equals(value)) {
                return v;
            }
        }
        throw new ConfigException("target_options: " + e.getKey() + ": '" + e.getValue() + "' is not known; expected one of " + expected);
    }
}
