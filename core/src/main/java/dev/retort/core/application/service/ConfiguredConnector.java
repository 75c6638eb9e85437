package dev.retort.core.application.service;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Dialect;

/** Opens the configured database through the dialect that accepts its URL. */
public final class ConfiguredConnector implements DatabaseConnector {
    private final DialectRegistry registry;
    private final ConnectionSettings settings;
    private final java.time.Duration lockTimeout;
    private final boolean transactionPerMigration;

    public ConfiguredConnector(DialectRegistry registry, ConnectionSettings settings) {
        this(registry, settings, java.time.Duration.ofSeconds(60), true);
    }

    public ConfiguredConnector(DialectRegistry registry, ConnectionSettings settings, java.time.Duration lockTimeout,
                               boolean transactionPerMigration) {
        this.registry = registry;
        this.settings = settings;
        this.lockTimeout = lockTimeout;
        this.transactionPerMigration = transactionPerMigration;
    }

    @Override
    public boolean transactionPerMigration() {
        return transactionPerMigration;
    }

    @Override
    public String historyTable() {
        return settings.historyTable();
    }

    @Override
    public java.time.Duration lockTimeout() {
        return lockTimeout;
    }

    @Override
    public java.util.Set<String> dialectNames() {
        return registry.names();
    }

    @Override
    public Dialect connect() {
        return registry.open(settings);
    }

    @Override
    public boolean exists() {
        return registry.exists(settings);
    }

    @Override
    public String versionTable() {
        return settings.versionTable();
    }
}
