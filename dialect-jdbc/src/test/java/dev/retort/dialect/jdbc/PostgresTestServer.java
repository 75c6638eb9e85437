package dev.retort.dialect.jdbc;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Where PostgreSQL tests find a server (DESIGN.md, Tests): {@code RETORT_TEST_POSTGRES_URL} first
 * (PostgreSQL 15 in this project's CI), else a {@value #IMAGE} container when a Docker engine
 * answers (started once per test JVM, removed by Testcontainers when it exits), else the tests are
 * skipped with a printed reason, or fail when {@code RETORT_TEST_REQUIRE_DATABASES=true}. The twin
 * of the MySQL module's {@code MysqlTestServer}.
 *
 * <p>Only modules that list {@code org.testcontainers:postgresql} as a test dependency may call
 * it; {@link TestDatabases} does not, so the other modules using the test-jar need no Testcontainers.
 */
public final class PostgresTestServer {
    public static final String IMAGE = "postgres:15";
    private static PostgreSQLContainer<?> container;
    private static Boolean docker;

    private PostgresTestServer() {
    }

    /**
     * Call before each test that needs the server, so skipped tests are counted as skipped.
     *
     * @return a JDBC URL whose user may create schemas, naming some database
     */
    public static synchronized String url() {
        String url = System.getenv(TestDatabases.POSTGRES_URL);
        if ((url == null || url.isBlank()) && dockerAvailable()) {
            if (container == null) {
                PostgreSQLContainer<?> c = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE));
                c.start();
                container = c;
            }
            String jdbc = container.getJdbcUrl();
            return jdbc + (jdbc.contains("?") ? "&" : "?") + "user=" + container.getUsername() + "&password=" + container.getPassword();
        }
        return TestDatabases.urlFromEnvironment(TestDatabases.POSTGRES_URL, "PostgreSQL",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres; or start Docker for a " + IMAGE + " container");
    }

    /** Whether a Docker engine answers; asked once. No Docker (or no Testcontainers on the class path) is false, never an error. */
    static synchronized boolean dockerAvailable() {
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
