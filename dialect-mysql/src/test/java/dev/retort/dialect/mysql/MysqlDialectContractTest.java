package dev.retort.dialect.mysql;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.core.domain.schema.ReferentialAction;
import dev.retort.dialect.jdbc.DialectContractTest;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.SchemaArbitraries;
import dev.retort.dialect.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared conformance suite on the server {@link MysqlTestServer} finds (MariaDB 10.11 from
 * {@code RETORT_TEST_MYSQL_URL} here, else MySQL 8.4 in Docker); every test works in a database of
 * its own, dropped afterwards. Every {@link dev.retort.dialect.jdbc.ContractFeature} is supported;
 * only transactional DDL is not, which the suite itself checks through the capabilities.
 */
class MysqlDialectContractTest extends DialectContractTest {
    private static final Pattern URL = Pattern.compile("(jdbc:(?:mysql|mariadb)://[^/?]*)(/[^?]*)?(\\?.*)?");
    private String url;
    private String database;

    /** The server's URL; see {@link MysqlTestServer}. */
    static String urlFromEnvironment() {
        return MysqlTestServer.adminUrl();
    }

    /** @return {@code url} pointing at another database */
    static String withDatabase(String url, String database) {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read the database of " + url);
        }
        return m.group(1) + "/" + database + (m.group(3) == null ? "" : m.group(3));
    }

    @Override
    protected JdbcDialect openFreshDatabase() throws Exception {
        url = urlFromEnvironment();
        database = TestDatabases.uniqueName("retort_ct");
        adminExecute(url, "CREATE DATABASE `" + database + "`");
        return (JdbcDialect) new MysqlDialectProvider().open(new ConnectionSettings(withDatabase(url, database), null, null, null, null));
    }

    @Override
    protected void discardDatabase() throws Exception {
        if (database != null) {
            adminExecute(url, "DROP DATABASE IF EXISTS `" + database + "`");
        }
    }

    static void adminExecute(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(MysqlDialectProvider.driverUrl(url)); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /**
     * No CASCADE or SET NULL: the random schemas may put their check on a foreign key column, and
     * MySQL and MariaDB refuse a check on a column that a foreign key changes (ON UPDATE CASCADE,
     * SET NULL). The fixed tests cover those actions.
     */
    @Override
    protected List<ReferentialAction> referentialActions() {
        return List.of(ReferentialAction.NO_ACTION, ReferentialAction.RESTRICT);
    }

    /** MySQL also indexes enums and fixed-length binaries. */
    @Override
    protected boolean indexable(ColumnType type) {
        return SchemaArbitraries.standardIndexable(type) || type.kind() == ColumnType.Kind.ENUM
                || type.kind() == ColumnType.Kind.BINARY && type.length() != null;
    }

    /** Besides the standard defaults: a JSON literal and a time of day. */
    @Override
    protected List<String> defaultValues(ColumnType type) {
        return switch (type.kind()) {
            case JSON -> List.of("'{}'", "'[1, 2]'");
            case TIME -> List.of("'12:30:00'");
            default -> super.defaultValues(type);
        };
    }

    /**
     * MySQL has no uuid or jsonb type and needs a varchar length: uuid is stored as char(36),
     * jsonb as json, varchar as varchar(255), and they read back as those
     * ({@code MysqlSchemaNormalizerTest} checks that the normalizer expects exactly that).
     */
    @Override
    protected List<ColumnType> roundTripTypes() {
        return super.roundTripTypes().stream().filter(t -> t.kind() != ColumnType.Kind.UUID && t.kind() != ColumnType.Kind.JSONB
                && !(t.kind() == ColumnType.Kind.VARCHAR && t.length() == null)).toList();
    }
}
