package dev.retort.core.domain;

/** A dialect cannot render an operation (e.g. SQLite altering a column in place). */
public class UnsupportedOperationForDialectException extends RetortException {
    private static final long serialVersionUID = 1L;

    public UnsupportedOperationForDialectException(String message) {
        super(message);
    }
}
