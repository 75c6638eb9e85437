package dev.retort.dialect.mysql;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.operation.Operation;
import dev.retort.core.domain.schema.Schema;
import dev.retort.dialect.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own on {@code RETORT_TEST_MYSQL_URL} for one test, with a dialect open on it;
 * {@link #close()} closes the dialect and drops the database.
 */
final class MysqlTestDatabase implements AutoCloseable {
    final String adminUrl;
    final String name;
    final String url;
    final MysqlDialect dialect;

    private MysqlTestDatabase(String adminUrl, String name) {
        this.adminUrl = adminUrl;
        this.name = name;
        this.url = MysqlDialectContractTest.withDatabase(adminUrl, name);
        this.dialect = (MysqlDialect) new MysqlDialectProvider().open(settings());
    }

    /** Skips the calling test when the URL is unset. */
    static MysqlTestDatabase create(String prefix) throws SQLException {
        String adminUrl = MysqlDialectContractTest.urlFromEnvironment();
        String name = TestDatabases.uniqueName(prefix);
        admin(adminUrl, "CREATE DATABASE `" + name + "`");
        return new MysqlTestDatabase(adminUrl, name);
    }

    ConnectionSettings settings() {
        return new ConnectionSettings(url, null, null, null, null);
    }

    /** Runs statements on this database through the dialect. */
    void execute(String... sql) {
        for (String s : sql) {
            dialect.execute(s);
        }
    }

    /** Renders {@code op} with {@code before} and runs it. */
    void apply(Operation op, Schema before) {
        dialect.renderer().render(op, before).forEach(dialect::execute);
    }

    Schema inspect() {
        return dialect.inspector().inspect();
    }

    static void admin(String adminUrl, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(MysqlDialectProvider.driverUrl(adminUrl)); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @Override
    public void close() throws SQLException {
        dialect.close();
        admin(adminUrl, "DROP DATABASE IF EXISTS `" + name + "`");
    }
}
