package dev.retort.core.domain;

/** A statement of a revision failed; the revision's transaction (where the dialect has one) was rolled back. */
public class MigrationFailedException extends DatabaseException {
    private static final long serialVersionUID = 1L;
    private final String revision;
    private final String statement;

    public MigrationFailedException(String revision, String statement, String message, Throwable cause) {
        super(message, cause);
        this.revision = revision;
        this.statement = statement;
    }

    /** The revision whose statement failed. */
    public String revision() {
        return revision;
    }

    /** The failing statement, or null when the failure was not in a statement (e.g. the version table). */
    public String statement() {
        return statement;
    }
}
