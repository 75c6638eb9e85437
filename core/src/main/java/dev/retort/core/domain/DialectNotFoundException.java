package dev.retort.core.domain;

/** No dialect on the classpath accepts the configured JDBC URL. */
public class DialectNotFoundException extends DatabaseException {
    private static final long serialVersionUID = 1L;

    public DialectNotFoundException(String message) {
        super(message);
    }
}
