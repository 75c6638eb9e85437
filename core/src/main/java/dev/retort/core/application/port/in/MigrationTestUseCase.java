package dev.retort.core.application.port.in;

import java.util.List;

/**
 * {@code retort test}: the checks teams write with pytest-alembic, built in — a single head,
 * upgrade base to head, an up/down/up round trip of every revision leaving the same schema, the
 * model matching the database at head, and downgrade back to base. Runs on an empty database.
 */
public interface MigrationTestUseCase {

    /** @param detail what was checked, or what failed and in which revision */
    record Outcome(String check, boolean passed, String detail) {
    }

    record Report(String database, List<Outcome> outcomes) {
        public Report {
            outcomes = List.copyOf(outcomes);
        }

        public boolean passed() {
            return outcomes.stream().allMatch(Outcome::passed);
        }
    }

    /** @param databaseLabel how to name the database in the report (a masked URL) */
    Report run(String databaseLabel);
}
