package dev.retort.maven;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps JDBC drivers' {@code java.util.logging} quiet while a goal runs: the PostgreSQL driver logs
 * some URL problems with the URL as given, password included, and Maven prints such records.
 * Retort reports every failure itself, masked. The one place Retort touches java.util.logging
 * (the architecture rule names it).
 */
final class DriverLogging implements AutoCloseable {
    /** Held so that the level set on it stays (java.util.logging keeps loggers weakly). */
    private static final Logger POSTGRES = Logger.getLogger("org.postgresql");

    private final Level before;

    private DriverLogging() {
        before = POSTGRES.getLevel();
        POSTGRES.setLevel(Level.OFF);
    }

    static DriverLogging quiet() {
        return new DriverLogging();
    }

    @Override
    public void close() {
        POSTGRES.setLevel(before);
    }
}
