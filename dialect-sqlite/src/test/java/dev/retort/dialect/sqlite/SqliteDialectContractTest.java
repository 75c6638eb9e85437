package dev.retort.dialect.sqlite;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.dialect.jdbc.DialectContractTest;
import dev.retort.dialect.jdbc.JdbcDialect;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** SQLite supports every contract feature except comments, which SQLite does not have. */
class SqliteDialectContractTest extends DialectContractTest {
    @TempDir
    Path dir;

    @Override
    protected JdbcDialect openFreshDatabase() {
        return (JdbcDialect) new SqliteDialectProvider().open(new ConnectionSettings("jdbc:sqlite:" + dir.resolve("test.db"), null, null, null, null));
    }

    @Override
    protected boolean supports(dev.retort.dialect.jdbc.ContractFeature feature) {
        return feature != dev.retort.dialect.jdbc.ContractFeature.COMMENTS;
    }
}
