package dev.retort.core.application.port.out;

import dev.retort.core.domain.revision.VersionChange;
import java.util.List;

/** The version table's statements as text, for offline scripts ({@code upgrade --sql}). Stateless. */
public interface VersionTableSql {

    /** @return statements creating the version table if it does not exist */
    List<String> create();

    /** @return the statement making one row change, with the id as a literal */
    String change(VersionChange change);
}
