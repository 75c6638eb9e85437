package dev.retort.core.application.port.out;

import dev.retort.core.domain.schema.Schema;

/** Reads the live schema from the database catalog, in bulk. */
public interface SchemaInspector {

    /**
     * @return every user table with its columns, keys, indexes and foreign keys; never the
     *         version table or the database's own tables
     * @throws dev.retort.core.domain.DatabaseException when the catalog cannot be read
     */
    Schema inspect();
}
