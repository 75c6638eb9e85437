package dev.retort.core.application.port.in;

import java.util.List;

/** Read-only questions about the revision graph: heads, history, branches, show. No database. */
public interface RevisionQueries {

    List<RevisionInfo> heads();

    /** @param range {@code start:end} or null for all; newest first */
    List<RevisionInfo> history(String range);

    /** Branch points, each with its children. */
    List<RevisionInfo> branches();

    /** @param reference an id, prefix, label or target such as {@code head} */
    List<RevisionInfo> show(String reference);
}
