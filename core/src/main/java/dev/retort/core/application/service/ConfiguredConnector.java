package dev.retort.core.application.service;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Dialect;

/** Opens the configured database through the dialect that accepts its URL. */
public final class ConfiguredConnector implements DatabaseConnector {
    private final DialectRegistry registry;
    private final ConnectionSettings settings;

    public ConfiguredConnector(DialectRegistry registry, ConnectionSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    @Override
    public Dialect connect() {
        return registry.open(settings);
    }

    @Override
    public String versionTable() {
        return settings.versionTable();
    }
}
