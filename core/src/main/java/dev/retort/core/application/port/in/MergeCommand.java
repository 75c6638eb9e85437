package dev.retort.core.application.port.in;

import java.util.List;

/** @param revisions the revisions to merge, or {@code heads} */
public record MergeCommand(List<String> revisions, String message, String branchLabel, String revId) {
    public MergeCommand {
        revisions = revisions == null || revisions.isEmpty() ? List.of("heads") : List.copyOf(revisions);
        message = message == null ? "" : message;
    }
}
