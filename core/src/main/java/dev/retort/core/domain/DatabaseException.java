package dev.retort.core.domain;

/** The database could not be reached or refused a statement. Mapped to exit code 2. */
public class DatabaseException extends RetortException {
    private static final long serialVersionUID = 1L;

    public DatabaseException(String message) {
        super(message);
    }

    public DatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
