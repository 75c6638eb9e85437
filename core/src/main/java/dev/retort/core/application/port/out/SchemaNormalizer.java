package dev.retort.core.application.port.out;

import dev.retort.core.domain.schema.Schema;

/**
 * A dialect's "type rules": maps a schema to what this dialect stores and reads back, so that a
 * target model and an inspected schema compare equal exactly when the database holds the target.
 * Types become the type the dialect keeps (e.g. {@code jsonb} on MySQL is stored as {@code json}),
 * defaults get one canonical spelling ({@code '0'::numeric} and {@code 0} alike), and what the
 * dialect cannot hold (comments on SQLite) is dropped. Autogenerate and {@code check} apply it to
 * both sides before comparing. Stateless, thread-safe, idempotent.
 */
public interface SchemaNormalizer {

    /** @return the comparable form of {@code schema}; never null */
    Schema normalize(Schema schema);
}
