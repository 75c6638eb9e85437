package dev.retort.core.domain.revision;

import java.util.List;

public class MultipleHeadsException extends RevisionGraphException {
    private static final long serialVersionUID = 1L;
    private final transient List<String> revisions;

    public MultipleHeadsException(String message, List<String> revisions) {
        super(message);
        this.revisions = List.copyOf(revisions);
    }

    /** The revisions (or references) this error is about. */
    public List<String> revisions() {
        return revisions;
    }
}
