package dev.retort.core.application.port.in;

/** {@code retort downgrade}. */
public interface DowngradeUseCase {
    MigrationResult downgrade(DowngradeCommand command);
}
