package bench.flyway;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * One Flyway Community command per process, for bench/run.sh.
 *
 * <pre>
 * java -jar flyway-runner.jar version
 * java -jar flyway-runner.jar info     JDBC_URL SQL_DIR   (prints the current version and counts)
 * java -jar flyway-runner.jar migrate  JDBC_URL SQL_DIR
 * java -jar flyway-runner.jar validate JDBC_URL SQL_DIR
 * java -jar flyway-runner.jar clean    JDBC_URL SQL_DIR
 * </pre>
 */
public final class FlywayRunner {
    private FlywayRunner() {}

    public static void main(String[] args) {
        if (args.length == 0) {
            usage();
        }
        String command = args[0];
        if (command.equals("version")) {
            // Start-up: build a configuration (which loads Flyway's plugin registry through
            // ServiceLoader, as every Flyway command does) and report the version.
            Flyway.configure().cleanDisabled(false);
            System.out.println("Flyway Community " + org.flywaydb.core.internal.license.VersionPrinter.getVersion());
            return;
        }
        if (args.length != 3) {
            usage();
        }
        Flyway flyway = Flyway.configure()
                .dataSource(args[1], null, null)
                .locations("filesystem:" + args[2])
                .cleanDisabled(false)
                .validateMigrationNaming(true)
                .load();
        switch (command) {
            case "info" -> {
                MigrationInfoService info = flyway.info();
                MigrationInfo current = info.current();
                System.out.println("current: " + (current == null ? "<empty>" : current.getVersion())
                        + ", applied: " + info.applied().length + ", pending: " + info.pending().length
                        + ", all: " + info.all().length);
            }
            case "migrate" -> {
                MigrateResult result = flyway.migrate();
                System.out.println("migrated " + result.migrationsExecuted + " to " + result.targetSchemaVersion);
            }
            case "validate" -> {
                flyway.validate();
                System.out.println("valid");
            }
            case "clean" -> {
                flyway.clean();
                System.out.println("cleaned");
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: flyway-runner version | (info|migrate|validate|clean) JDBC_URL SQL_DIR");
        System.exit(64);
    }
}
