package dev.retort.dialect.sqlite;

import java.util.function.Consumer;
import java.time.Duration;
import dev.retort.core.application.port.out.MigrationLock;
import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.DdlRenderer;
import dev.retort.core.application.port.out.DialectCapabilities;
import dev.retort.core.application.port.out.SchemaInspector;
import dev.retort.core.application.port.out.SchemaNormalizer;
import dev.retort.core.domain.DatabaseException;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.SqlQuoting;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite on one connection. DDL is transactional; constraints and column types change only by
 * rebuilding a table ({@link SqliteDdlRenderer}).
 *
 * <p>A rebuild of a table other tables reference must run with foreign keys off, and SQLite ignores
 * {@code PRAGMA foreign_keys} inside a transaction. So when {@link SqliteDdlRenderer#FOREIGN_KEYS_OFF}
 * is the first statement of a transaction, this dialect ends the (still empty) transaction, switches
 * foreign keys off and begins again; when the transaction ends, by commit or rollback, it switches
 * them back on. Foreign keys are then off for the rest of that transaction: ON DELETE and ON UPDATE
 * actions of other statements in it do not fire, and only the rebuilt tables are checked. When the
 * pragma comes after other statements of the transaction while foreign keys are on, it fails
 * instead of letting DROP TABLE delete the referencing rows.
 */
public class SqliteDialect extends JdbcDialect {
    static final DialectCapabilities CAPABILITIES = new DialectCapabilities(true, false, true, false);
    static final SqliteDdlRenderer RENDERER = new SqliteDdlRenderer();
    static final SchemaNormalizer NORMALIZER = new SqliteSchemaNormalizer();

    private final SqliteSchemaInspector inspector;
    private int statementsInTransaction;
    private boolean foreignKeysOffForTransaction;

    SqliteDialect(Connection connection, ConnectionSettings settings) {
        super(SqliteDialectProvider.NAME, connection, settings, SqlQuoting.ANSI, CAPABILITIES);
        this.inspector = new SqliteSchemaInspector(connection, settings.versionTable(), settings.historyTable());
    }

    @Override
    public DdlRenderer renderer() {
        return RENDERER;
    }

    @Override
    public SchemaInspector inspector() {
        return inspector;
    }

    @Override
    public SchemaNormalizer normalizer() {
        return NORMALIZER;
    }

    @Override
    public void begin() {
        super.begin();
        statementsInTransaction = 0;
    }

    /**
     * Runs one statement; {@link SqliteDdlRenderer#FOREIGN_KEYS_OFF} inside a transaction is handled
     * as the class comment says.
     *
     * @throws DatabaseException with the database's message, or when foreign keys cannot be switched
     *         off because the transaction already ran statements
     */
    @Override
    public void execute(String sql) {
        if (SqliteDdlRenderer.FOREIGN_KEYS_OFF.equals(sql) && inTransaction()) {
            switchForeignKeysOffForTransaction();
            return;
        }
        super.execute(sql);
        statementsInTransaction++;
    }

    private void switchForeignKeysOffForTransaction() {
        if (foreignKeysOffForTransaction || !foreignKeysOn()) {
            return;
        }
        if (statementsInTransaction > 0) {
            throw new DatabaseException("Cannot rebuild a table that other tables reference after other statements in the same transaction: "
                    + "SQLite switches foreign keys off only outside a transaction, and with them on, dropping the old table would delete "
                    + "or orphan the referencing rows; make the table's changes the first operations of their revision");
        }
        try {
            // The transaction has run nothing yet, so ending it and beginning again loses nothing.
            connection().setAutoCommit(true);
            try (Statement st = connection().createStatement()) {
                st.execute(SqliteDdlRenderer.FOREIGN_KEYS_OFF);
            }
            foreignKeysOffForTransaction = true;
            connection().setAutoCommit(false);
        } catch (SQLException e) {
            throw error("Cannot switch foreign keys off for a table rebuild", e);
        }
    }

    private boolean foreignKeysOn() {
        try (Statement st = connection().createStatement(); ResultSet rs = st.executeQuery("PRAGMA foreign_keys")) {
            return rs.next() && rs.getInt(1) != 0;
        } catch (SQLException e) {
            throw error("Cannot read PRAGMA foreign_keys", e);
        }
    }

    @Override
    public void commit() {
        super.commit();
        restoreConnectionSettings();
    }

    @Override
    public void rollback() {
        super.rollback();
        restoreConnectionSettings();
    }

    /** Never throws: it runs after commit and rollback, also while another error is being reported. */
    private void restoreConnectionSettings() {
        try {
            if (connection().isClosed() || !connection().getAutoCommit()) {
                return;
            }
            try (Statement st = connection().createStatement()) {
                // Pragma flags are not transactional: a rebuild that failed between its ON and OFF leaves this on.
                st.execute("PRAGMA legacy_alter_table = OFF");
                if (foreignKeysOffForTransaction) {
                    st.execute(SqliteDdlRenderer.FOREIGN_KEYS_ON);
                    foreignKeysOffForTransaction = false;
                }
            }
        } catch (SQLException | RuntimeException e) {
            // The next connection starts with foreign keys on again (the provider switches them on).
        }
    }

    /** SQLite table names are case-insensitive. */
    @Override
    public boolean tableExists(String table) {
        return finds("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND lower(name) = lower(?)", table, "table " + table);
    }

    /** An OS lock on a file beside the database; see {@link SqliteMigrationLock}. */
    @Override
    public MigrationLock lock(Duration timeout, Consumer<String> waiting) {
        return SqliteMigrationLock.acquire(SqliteDialectProvider.databaseFile(settings().url()), timeout, waiting);
    }
}
