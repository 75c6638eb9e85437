package dev.retort.core.application.port.out;

import dev.retort.core.domain.revision.Revision;
import java.util.List;

/** The revision files of a project (the {@code versions/} folder under the script location). */
public interface ScriptRepository {

    /**
     * Reads every revision file, in file-name order.
     *
     * @return the revisions; empty when there are none
     * @throws dev.retort.core.domain.ConfigException when a file is unreadable or malformed; the
     *         message names the file, line and column and what was expected
     */
    List<Revision> loadAll();

    /**
     * Writes a new revision file.
     *
     * @return the path of the written file, as shown to the user
     * @throws dev.retort.core.domain.ConfigException when the file cannot be written or exists
     */
    String write(Revision revision);
}
