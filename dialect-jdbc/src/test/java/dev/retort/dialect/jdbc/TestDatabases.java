package dev.retort.dialect.jdbc;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * Where database tests find their database: an environment variable holding a JDBC URL. When it is
 * unset the tests are skipped with a printed reason, or fail when
 * {@code RETORT_TEST_REQUIRE_DATABASES=true} (CI must not pass by skipping).
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = "RETORT_TEST_POSTGRES_URL";
    public static final String MYSQL_URL = "RETORT_TEST_MYSQL_URL";
    public static final String REQUIRE = "RETORT_TEST_REQUIRE_DATABASES";

    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private TestDatabases() {
    }

    /**
     * Call before each test that needs the database, so skipped tests are counted as skipped; the
     * reason is printed once per variable.
     *
     * @param example an example URL for the message
     * @return the URL from {@code variable}
     */
    public static String urlFromEnvironment(String variable, String product, String example) {
        String url = System.getenv(variable);
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        String reason = product + " tests need " + variable + " set to a JDBC URL (e.g. " + example + ")";
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE))) {
            fail(reason + "; it is unset and " + REQUIRE + "=true");
        }
        if (REPORTED.add(variable)) {
            System.out.println("[retort] skipping " + product + " tests: " + reason + "; it is unset");
        }
        Assumptions.abort(reason);
        return null;
    }

    /** @return {@code prefix} plus a random suffix, lower case, a valid unquoted identifier */
    public static String uniqueName(String prefix) {
        return (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
    }
}
