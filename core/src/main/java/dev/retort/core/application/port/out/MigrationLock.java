package dev.retort.core.application.port.out;

/** A held migration lock; closing releases it and never throws. */
public interface MigrationLock extends AutoCloseable {
    @Override
    void close();
}
