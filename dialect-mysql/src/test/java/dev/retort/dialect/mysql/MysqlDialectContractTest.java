package dev.retort.dialect.mysql;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.schema.ColumnType;
import dev.retort.dialect.jdbc.ContractFeature;
import dev.retort.dialect.jdbc.DialectContractTest;
import dev.retort.dialect.jdbc.JdbcDialect;
import dev.retort.dialect.jdbc.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs against {@code RETORT_TEST_MYSQL_URL} (MySQL 8 or MariaDB); every test works in a database
 * of its own, dropped afterwards. The first-cut inspector reads columns, primary keys and comments;
 * defaults come back in the server's own spelling ({@code current_timestamp()}, {@code 0.00}), so
 * they are not compared yet.
 */
class MysqlDialectContractTest extends DialectContractTest {
    private static final Set<ContractFeature> SUPPORTED = Set.of(ContractFeature.AUTOINCREMENT, ContractFeature.COMMENTS, ContractFeature.ENUM_COLUMNS);
    private static final Pattern URL = Pattern.compile("(jdbc:(?:mysql|mariadb)://[^/?]*)(/[^?]*)?(\\?.*)?");
    private String url;
    private String database;

    static String urlFromEnvironment() {
        return TestDatabases.urlFromEnvironment(TestDatabases.MYSQL_URL, "MySQL", "jdbc:mysql://127.0.0.1:3306/test?user=root");
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

    @Override
    protected boolean supports(ContractFeature feature) {
        return SUPPORTED.contains(feature);
    }

    /**
     * uuid is CHAR(36), jsonb is JSON, varchar without length is VARCHAR(255), and MariaDB's JSON
     * is LONGTEXT: these read back as other types.
     */
    @Override
    protected List<ColumnType> roundTripTypes() {
        return super.roundTripTypes().stream().filter(t -> t.kind() != ColumnType.Kind.UUID && t.kind() != ColumnType.Kind.JSON
                && t.kind() != ColumnType.Kind.JSONB && !(t.kind() == ColumnType.Kind.VARCHAR && t.length() == null)).toList();
    }
}
