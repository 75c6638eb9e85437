package dev.retort.core.application.port.out;

import dev.retort.core.domain.revision.Revision;
import java.util.List;

/** The revision files of a project (the {@code versions/} folder under the script location). */
public interface ScriptRepository {

    /**
     * Reads every revision file, in file-name order. An implementation may read only the headers
     * now and the operations on first use ({@link Revision#lazy}); then a malformed operation
     * surfaces from {@link Revision#upgrade()}, {@link Revision#downgrade()} or
     * {@link Revision#body()} (services that run or render a plan read its revisions'
     * operations first, with {@link dev.retort.core.domain.revision.MigrationPlan#readOperations()}).
     * Thread-safe: lazy operations may be read from several threads.
     *
     * @return the revisions; empty when there are none
     * @throws dev.retort.core.domain.ConfigException when a file is unreadable or malformed (its
     *         header, or anything when operations are read eagerly); the message names the file,
     *         line and column and what was expected
     */
    List<Revision> loadAll();

    /**
     * Writes a new revision file.
     *
     * @return the path of the written file, as shown to the user
     * @throws dev.retort.core.domain.ConfigException when the file cannot be written or exists
     */
    String write(Revision revision);

    /**
     * Keeps what this run learned about the files read by {@link #loadAll()} (the checksums of
     * revisions whose operations were read) for the next run; best effort, never throws. The
     * default keeps nothing.
     */
    default void remember() {
    }
}
