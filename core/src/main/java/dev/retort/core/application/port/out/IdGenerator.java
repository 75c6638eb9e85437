package dev.retort.core.application.port.out;

import dev.retort.core.domain.revision.RevisionId;

/** Makes new revision ids. */
public interface IdGenerator {

    /** @return a fresh id; 12 lowercase hex characters, time-ordered */
    RevisionId next();
}
