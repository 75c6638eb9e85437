package dev.retort.core.application.port.out;

/**
 * What a dialect can do, as data (jOOQ style) rather than vendor checks.
 *
 * @param transactionalDdl   DDL runs inside a transaction and rolls back with it
 * @param alterColumnInPlace ALTER TABLE can change a column's type, nullability and default
 * @param dropColumn         ALTER TABLE ... DROP COLUMN is supported
 * @param alterConstraints   constraints can be added to or dropped from an existing table
 */
public record DialectCapabilities(boolean transactionalDdl, boolean alterColumnInPlace, boolean dropColumn, boolean alterConstraints) {
}
