package dev.retort.core.domain.revision;

import dev.retort.core.domain.RetortException;

/** The revision graph, or a target within it, is not usable as asked. */
public class RevisionGraphException extends RetortException {
    private static final long serialVersionUID = 1L;

    public RevisionGraphException(String message) {
        super(message);
    }
}
