package dev.retort.dialect.mysql;

import dev.retort.core.application.port.out.MigrationLock;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.LockWait;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A {@code GET_LOCK} named after the database and version table. MySQL and MariaDB release it when
 * the connection ends, so a killed process cannot leave it behind.
 */
final class MysqlMigrationLock implements MigrationLock {
    private final JdbcDialect dialect;
    private final String name;

    private MysqlMigrationLock(JdbcDialect dialect, String name) {
        this.dialect = dialect;
        this.name = name;
    }

    static MigrationLock acquire(JdbcDialect dialect, Duration timeout, Consumer<String> waiting) {
        String database;
        try {
            database = dialect.connection().getCatalog();
        } catch (SQLException e) {
            throw dialect.error("Cannot read the current database", e);
        }
        // Lock names are limited to 64 characters.
        String name = "retort:" + Long.toHexString(LockWait.key(database + "." + dialect.settings().versionTable()));
        LockWait.acquire(() -> tryLock(dialect, name), () -> holder(dialect, name), timeout, waiting, "(GET_LOCK '" + name + "')");
        return new MysqlMigrationLock(dialect, name);
    }

    private static boolean tryLock(JdbcDialect dialect, String name) {
        try (PreparedStatement ps = dialect.connection().prepareStatement("SELECT GET_LOCK(?, 0)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw dialect.error("Cannot take the migration lock", e);
        }
    }

    private static String holder(JdbcDialect dialect, String name) {
        try (PreparedStatement ps = dialect.connection().prepareStatement("SELECT IS_USED_LOCK(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    return "connection " + rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            return "another connection";
        }
        return "another connection";
    }

    @Override
    public void close() {
        try (PreparedStatement ps = dialect.connection().prepareStatement("SELECT RELEASE_LOCK(?)")) {
            ps.setString(1, name);
            ps.executeQuery().close();
        } catch (SQLException | RuntimeException e) {
            // The connection's end releases it anyway.
        }
    }
}
