package dev.retort.dialect.postgres;

import dev.retort.core.application.port.out.MigrationLock;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.LockWait;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A session-level {@code pg_advisory_lock} on a key derived from the schema and version table,
 * so two projects in one database do not block each other. Released on close, or by PostgreSQL
 * when the session ends (a killed process cannot leave it behind).
 */
final class PostgresMigrationLock implements MigrationLock {
    private final JdbcDialect dialect;
    private final long key;

    private PostgresMigrationLock(JdbcDialect dialect, long key) {
        this.dialect = dialect;
        this.key = key;
    }

    static MigrationLock acquire(JdbcDialect dialect, Duration timeout, Consumer<String> waiting) {
        String schema = dialect.settings().schema() == null ? "" : dialect.settings().schema();
        long key = LockWait.key("retort:" + schema + "." + dialect.settings().versionTable());
        LockWait.acquire(() -> tryLock(dialect, key), () -> holder(dialect, key), timeout, waiting,
                "(pg_advisory_lock " + key + ")");
        return new PostgresMigrationLock(dialect, key);
    }

    private static boolean tryLock(JdbcDialect dialect, long key) {
        try (PreparedStatement ps = dialect.connection().prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw dialect.error("Cannot take the migration lock", e);
        }
    }

    private static String holder(JdbcDialect dialect, long key) {
        String sql = "SELECT a.pid, a.usename, a.client_addr, a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                + "WHERE l.locktype = 'advisory' AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = ?";
        try (PreparedStatement ps = dialect.connection().prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return "session " + rs.getInt(1) + " (user " + rs.getString(2) + (rs.getString(3) == null ? "" : " from " + rs.getString(3))
                            + (rs.getString(4) == null || rs.getString(4).isEmpty() ? "" : ", " + rs.getString(4)) + ")";
                }
            }
        } catch (SQLException e) {
            return "another session";
        }
        return "another session";
    }

    @Override
    public void close() {
        try (PreparedStatement ps = dialect.connection().prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, key);
            ps.executeQuery().close();
        } catch (SQLException | RuntimeException e) {
            // The session's end releases it anyway.
        }
    }
}
