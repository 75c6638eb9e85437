package dev.retort.core.application.port.in;

import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.schema.Schema;
import java.util.List;
import java.util.Map;

/** Read-only questions about the revision graph: heads, history, branches, show. No database. */
public interface RevisionQueries {

    List<RevisionInfo> heads();

    /** @param range {@code start:end} or null for all; newest first */
    List<RevisionInfo> history(String range);

    /** Branch points, each with its children. */
    List<RevisionInfo> branches();

    /** @param reference an id, prefix, label or target such as {@code head} */
    List<RevisionInfo> show(String reference);

    /**
     * The schema at a revision, replayed from base without a database.
     *
     * @param unknownTables tables raw SQL may have changed, with the revision that did
     */
    record SchemaAt(List<RevisionId> revisions, Schema schema, Map<String, RevisionId> unknownTables) {
    }

    /** @param reference an id, prefix, label or target such as {@code head} or {@code heads} */
    SchemaAt schemaAt(String reference);
}
