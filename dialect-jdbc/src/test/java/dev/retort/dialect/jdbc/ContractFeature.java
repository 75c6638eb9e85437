package dev.retort.dialect.jdbc;

/**
 * Parts of a schema a dialect renders and reads back. When a dialect does not support one yet,
 * {@link DialectContractTest} still runs the DDL (so the SQL is checked by the database) but
 * leaves that part out of the schema comparison, or skips the test when nothing else is left.
 * New constants may be added; a dialect that lists what it does not support (rather than what it
 * does) then has to decide about each new one.
 */
public enum ContractFeature {
    /** Indexes: CREATE/DROP INDEX read back by the inspector. */
    INDEXES,
    /** Unique constraints read back (names ignored). */
    UNIQUE_CONSTRAINTS,
    /** Foreign keys read back with their actions (names ignored). */
    FOREIGN_KEYS,
    /** Check constraints read back with the expression as written (names ignored). */
    CHECK_CONSTRAINTS,
    /** Column defaults read back as the expression text written in the model. */
    DEFAULTS,
    /** Autoincrement read back. */
    AUTOINCREMENT,
    /** Table and column comments read back. */
    COMMENTS,
    /** Enum columns read back as {@code enum(...)}; otherwise they are expected back as {@code text}. */
    ENUM_COLUMNS,
    /**
     * Constraint names read back and compared, after the dialect's {@code normalizer()} (which may
     * null the names the database generates for unnamed constraints); otherwise names are ignored.
     */
    CONSTRAINT_NAMES
}
