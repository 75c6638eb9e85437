package dev.retort.core.application.port.in;

import java.util.List;

/** {@code retort current}: the revisions the database is at. */
public interface CurrentQuery {
    List<RevisionInfo> current();
}
