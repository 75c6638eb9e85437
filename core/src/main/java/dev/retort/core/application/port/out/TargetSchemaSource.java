package dev.retort.core.application.port.out;

import dev.retort.core.domain.schema.Schema;

/** Supplies the schema the application wants (Alembic's {@code target_metadata}). */
public interface TargetSchemaSource {

    /**
     * @return the target schema, never null
     * @throws dev.retort.core.domain.ConfigException when the model cannot be read; the message
     *         names the file and line
     */
    Schema load();
}
