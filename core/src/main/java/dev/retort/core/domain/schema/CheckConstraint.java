package dev.retort.core.domain.schema;

/** @param name constraint name, or null when the database names it */
public record CheckConstraint(String name, String expression) {
    public CheckConstraint {
        Names.require(expression, "check expression");
    }
}
