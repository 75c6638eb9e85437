package dev.retort.core.domain;

/** A configuration, revision or schema file is missing, malformed or inconsistent. */
public class ConfigException extends RetortException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
