package dev.retort.dialect.jdbc;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.DatabaseException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.function.Function;

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
        return open(settings, driverUrl, product, e -> hint);
    }

    /**
     * Like {@link #open(ConnectionSettings, String, String, String)}, with a hint chosen from the
     * driver's exception (e.g. by SQLState: wrong password, unknown database, server down).
     *
     * @param hint gives the text appended to the message; never returns null
     */
    public static Connection open(ConnectionSettings settings, String driverUrl, String product, Function<SQLException, String> hint) {
        return open(settings, driverUrl, product, hint, new Properties());
    }

    /**
     * Like {@link #open(ConnectionSettings, String, String, Function)}, with driver properties a
     * dialect sets by default (a parameter of the same name in the URL wins where the driver lets
     * it, as pgJDBC does).
     */
    public static Connection open(ConnectionSettings settings, String driverUrl, String product, Function<SQLException, String> hint,
                                  Properties defaults) {
        Properties props = new Properties();
        props.putAll(defaults);
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
                    + SqlErrors.describe(e, settings.password()) + "; " + hint.apply(e), e);
        }
    }

    /**
     * Checks that a JDBC driver class can be loaded, before connecting: without it
     * {@link DriverManager} only says "No suitable driver".
     *
     * @param driverClass the driver's class name, e.g. {@code org.postgresql.Driver}
     * @param artifact    the Maven coordinates that provide it, for the hint
     * @throws DatabaseException naming the product, the masked URL, the class and the artifact
     */
    public static void requireDriver(ConnectionSettings settings, String product, String driverClass, String artifact) {
        try {
            Class.forName(driverClass, false, JdbcConnections.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DatabaseException("Cannot connect to " + product + " at " + settings.maskedUrl() + ": the JDBC driver " + driverClass
                    + " is not on the classpath; add " + artifact + " to the classpath (the retort launcher's jar bundles it)", e);
        }
    }
}
