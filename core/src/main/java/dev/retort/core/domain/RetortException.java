package dev.retort.core.domain;

/**
 * Root of every error Retort reports to a user. Messages say what failed, where, and what to try.
 * Subclasses that are not {@link DatabaseException} are user errors (bad input, graph problems).
 */
public class RetortException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RetortException(String message) {
        super(message);
    }

    public RetortException(String message, Throwable cause) {
        super(message, cause);
    }
}
