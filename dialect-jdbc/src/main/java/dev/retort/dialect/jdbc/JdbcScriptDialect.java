package dev.retort.dialect.jdbc;

import dev.retort.core.application.port.out.DdlRenderer;
import dev.retort.core.application.port.out.DialectCapabilities;
import dev.retort.core.application.port.out.SchemaNormalizer;
import dev.retort.core.application.port.out.ScriptDialect;
import dev.retort.core.application.port.out.VersionTableSql;

/** A dialect without a connection, assembled from the parts each dialect module already has. */
public record JdbcScriptDialect(String name, DialectCapabilities capabilities, DdlRenderer renderer, VersionTableSql versionTableSql,
                                SchemaNormalizer normalizer) implements ScriptDialect {
}
