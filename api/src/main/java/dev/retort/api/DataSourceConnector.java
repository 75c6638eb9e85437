package dev.retort.api;

import dev.retort.adapter.config.RetortSettings;
import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.service.DialectRegistry;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.Secrets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Reaches the database an application's {@link DataSource} points at. Dialects open their own
 * connections from a JDBC URL ({@code DialectProvider.open(ConnectionSettings)}), so this borrows
 * one connection only to read its URL and user name, gives it back, and opens the dialect with
 * that URL and the configured user and password. The pool's connections are not used for the
 * migration, and a DataSource that holds a password the settings do not repeat cannot be reached.
 *
 * <p>The URL is read once, on first use; not thread-safe on that first use.
 */
final class DataSourceConnector implements DatabaseConnector {
    private final DataSource dataSource;
    private final RetortSettings settings;
    private final DialectRegistry registry;
    private ConnectionSettings resolved;

    DataSourceConnector(DataSource dataSource, RetortSettings settings, DialectRegistry registry) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    public Dialect connect() {
        return registry.open(connectionSettings());
    }

    @Override
    public String versionTable() {
        return settings.versionTable();
    }

    @Override
    public String historyTable() {
        return settings.historyTable();
    }

    @Override
    public Duration lockTimeout() {
        return settings.lockTimeout();
    }

    @Override
    public boolean transactionPerMigration() {
        return settings.transactionPerMigration();
    }

    /**
     * @throws DatabaseException when the DataSource gives no connection or its driver does not report a URL
     */
    ConnectionSettings connectionSettings() {
        if (resolved == null) {
            ConnectionSettings configured = settings.connectionSettings();
            String url;
            String user;
            try (Connection c = dataSource.getConnection()) {
                DatabaseMetaData meta = c.getMetaData();
                url = meta.getURL();
                user = configured.user() != null ? configured.user() : meta.getUserName();
            } catch (SQLException e) {
                throw new DatabaseException("cannot get a connection from the DataSource " + dataSource.getClass().getName()
                        + ": " + Secrets.mask(e.getMessage(), configured.password()), e);
            }
            if (url == null || url.isBlank()) {
                throw new DatabaseException("the DataSource " + dataSource.getClass().getName()
                        + " does not report its JDBC URL (DatabaseMetaData.getURL() is empty); configure url(...) instead");
            }
            resolved = new ConnectionSettings(url, user == null || user.isBlank() ? null : user, configured.password(),
                    configured.schema(), configured.versionTable(), configured.historyTable());
        }
        return resolved;
    }
}
