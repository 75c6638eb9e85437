package dev.retort.dialect.jdbc;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.DatabaseException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens JDBC connections for dialect providers, with errors a user can act on. */
public final class JdbcConnections {
    private JdbcConnections() {
    }

    /**
     * Connects through {@link DriverManager}, passing the user and password from the settings when
     * they are set (otherwise the URL's own are used).
     *
     * @param driverUrl the URL handed to the driver; may differ from {@code settings.url()} when a
     *                  dialect rewrites it
     * @param product   the database's name for messages, e.g. {@code PostgreSQL}
     * @param hint      what the user should check, appended to the message
     * @throws DatabaseException naming the masked URL, the driver's message and the hint
     */
    public static Connection open(ConnectionSettings settings, String driverUrl, String product, String hint) {
        Properties props = new Properties();
        if (settings.user() != null) {
            props.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            props.setProperty("password", settings.password());
        }
        try {
            return DriverManager.getConnection(driverUrl, props);
        } catch (SQLException e) {
            throw new DatabaseException("Cannot connect to " + product + " at " + settings.maskedUrl() + ": "
                    + SqlErrors.describe(e, settings.password()) + "; " + hint, e);
        }
    }
}
