package dev.retort.dialect.h2;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.dialect.jdbc.ContractFeature;
import dev.retort.dialect.jdbc.DialectContractTest;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.TestDatabases;

/**
 * The shared conformance suite, unchanged, on a fresh in-memory H2 database per test (and per try
 * of the properties). H2 commits DDL implicitly, which the suite reads from the capabilities.
 */
class H2DialectContractTest extends DialectContractTest {

    @Override
    protected JdbcDialect openFreshDatabase() {
        // DB_CLOSE_DELAY=0: the database disappears when its one connection closes.
        return (JdbcDialect) new H2DialectProvider().open(new ConnectionSettings(
                "jdbc:h2:mem:" + TestDatabases.uniqueName("contract") + ";DB_CLOSE_DELAY=0", null, null, null, null));
    }

    @Override
    protected boolean supports(ContractFeature feature) {
        return true;
    }
}
