package dev.retort.dialect.mysql;

import dev.retort.dialect.jdbc.TestDatabases;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MySQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Where the MySQL tests find a server (DESIGN.md, Tests): {@code RETORT_TEST_MYSQL_URL} first
 * (MariaDB 10.11 in this project's CI), else a MySQL 8.4 container when Docker is up (started once
 * per test JVM, removed by Testcontainers when it exits), else the tests are skipped with a
 * printed reason, or fail when {@code RETORT_TEST_REQUIRE_DATABASES=true}.
 */
final class MysqlTestServer {
    static final String IMAGE = "mysql:8.4";
    private static final String PASSWORD = "retort-test";
    private static MySQLContainer<?> container;
    private static Boolean docker;

    private MysqlTestServer() {
    }

    /** @return a JDBC URL, with a user allowed to create databases and users, naming some database */
    static synchronized String adminUrl() {
        String url = System.getenv(TestDatabases.MYSQL_URL);
        if ((url == null || url.isBlank()) && dockerAvailable()) {
            if (container == null) {
                MySQLContainer<?> c = new MySQLContainer<>(DockerImageName.parse(IMAGE)).withUsername("root").withPassword(PASSWORD);
                c.start();
                container = c;
            }
            return container.getJdbcUrl() + "?user=root&password=" + PASSWORD + "&allowPublicKeyRetrieval=true";
        }
        return TestDatabases.urlFromEnvironment(TestDatabases.MYSQL_URL, "MySQL/MariaDB",
                "jdbc:mysql://127.0.0.1:3306/test?user=root; or start Docker for a " + IMAGE + " container");
    }

    private static boolean dockerAvailable() {
        if (docker == null) {
            try {
                docker = DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                docker = false;
            }
        }
        return docker;
    }
}
