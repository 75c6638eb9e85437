package dev.retort.core.application.port.in;

/** {@code retort upgrade}. */
public interface UpgradeUseCase {
    MigrationResult upgrade(UpgradeCommand command);
}
