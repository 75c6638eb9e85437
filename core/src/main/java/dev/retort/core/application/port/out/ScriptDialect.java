package dev.retort.core.application.port.out;

/**
 * What a dialect can do without a connection: render SQL. Offline scripts ({@code --sql}) use it;
 * {@link Dialect} extends it for online work.
 */
public interface ScriptDialect {

    /** @return the dialect's name, as used for per-dialect raw SQL: {@code sqlite}, {@code postgres}, {@code mysql} */
    String name();

    DialectCapabilities capabilities();

    DdlRenderer renderer();

    /** @return the version table's statements as text */
    VersionTableSql versionTableSql();

    /** @return this dialect's type rules; the default changes nothing */
    default SchemaNormalizer normalizer() {
        return schema -> schema;
    }
}
