package dev.retort.adapter.cli;

import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionId;
import java.util.List;
import java.util.TreeSet;

/** Alembic's text forms for revisions, so its users read ours without thinking. */
final class Formats {
    private Formats() {
    }

    static String ids(List<RevisionId> ids) {
        return String.join(", ", ids.stream().map(RevisionId::value).toList());
    }

    private static String down(Revision r) {
        if (r.downRevisions().isEmpty()) {
            return "<base>";
        }
        if (r.downRevisions().size() == 1) {
            return r.downRevisions().get(0).value();
        }
        return "(" + ids(r.downRevisions()) + ")";
    }

    /** {@code 3c4d (mylabel) (head)}. */
    static String head(RevisionInfo info) {
        return info.id() + labels(info) + flags(info);
    }

    private static String labels(RevisionInfo info) {
        return info.labels().isEmpty() ? "" : " (" + String.join(", ", new TreeSet<>(info.labels())) + ")";
    }

    private static String flags(RevisionInfo info) {
        StringBuilder sb = new StringBuilder();
        if (info.head()) {
            sb.append(" (head)");
        }
        if (info.branchPoint()) {
            sb.append(" (branchpoint)");
        }
        if (info.mergePoint()) {
            sb.append(" (mergepoint)");
        }
        return sb.toString();
    }

    /** {@code 1a2b -> 3c4d (head), add invoice}. */
    static String line(RevisionInfo info) {
        Revision r = info.revision();
        return down(r) + " -> " + info.id() + labels(info) + flags(info) + (r.message().isEmpty() ? "" : ", " + r.message());
    }

    static String verbose(RevisionInfo info) {
        Revision r = info.revision();
        StringBuilder sb = new StringBuilder();
        sb.append("Rev: ").append(info.id()).append(flags(info)).append('\n');
        if (r.downRevisions().size() > 1) {
            sb.append("Merges: ").append(ids(r.downRevisions())).append('\n');
        } else {
            sb.append("Parent: ").append(down(r)).append('\n');
        }
        if (info.children().size() > 1) {
            sb.append("Branches into: ").append(ids(info.children())).append('\n');
        }
        if (!info.dependencies().isEmpty()) {
            sb.append("Also depends on: ").append(ids(info.dependencies())).append('\n');
        }
        if (!info.labels().isEmpty()) {
            sb.append("Branch names: ").append(String.join(", ", new TreeSet<>(info.labels()))).append('\n');
        }
        if (r.source() != null) {
            sb.append("Path: ").append(r.source()).append('\n');
        }
        sb.append('\n');
        sb.append("    ").append(r.message().isEmpty() ? "(no message)" : r.message()).append("\n\n");
        sb.append("    Revision ID: ").append(info.id()).append('\n');
        sb.append("    Revises: ").append(r.downRevisions().isEmpty() ? "" : ids(r.downRevisions())).append('\n');
        if (r.created() != null) {
            sb.append("    Create Date: ").append(r.created()).append('\n');
        }
        sb.append("    Upgrade: ").append(r.upgrade().size()).append(" operation").append(r.upgrade().size() == 1 ? "" : "s")
                .append(", downgrade: ").append(r.downgrade().size()).append('\n');
        return sb.toString();
    }
}
