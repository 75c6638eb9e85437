package dev.retort.maven;

import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionId;
import java.util.List;
import java.util.TreeSet;

/** The CLI's (and Alembic's) text forms of revisions, for the build log. */
final class Lines {
    private Lines() {
    }

    static String ids(List<RevisionId> ids) {
        return ids.isEmpty() ? "base" : String.join(", ", ids.stream().map(RevisionId::value).toList());
    }

    /** {@code 3c4d (mylabel) (head)}. */
    static String head(RevisionInfo info) {
        return info.id() + labels(info) + flags(info);
    }

    /** {@code 1a2b -> 3c4d (head), add invoice}. */
    static String line(RevisionInfo info) {
        Revision r = info.revision();
        String down = r.downRevisions().isEmpty() ? "<base>"
                : r.downRevisions().size() == 1 ? r.downRevisions().get(0).value() : "(" + ids(r.downRevisions()) + ")";
        return down + " -> " + info.id() + labels(info) + flags(info) + (r.message().isEmpty() ? "" : ", " + r.message());
    }

    private static String labels(RevisionInfo info) {
        return info.labels().isEmpty() ? "" : " (" + String.join(", ", new TreeSet<>(info.labels())) + ")";
    }

    private static String flags(RevisionInfo info) {
        return (info.head() ? " (head)" : "") + (info.branchPoint() ? " (branchpoint)" : "") + (info.mergePoint() ? " (mergepoint)" : "");
    }
}
