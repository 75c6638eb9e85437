package dev.retort.core.application.port.in;

import java.util.List;

/** {@code retort verify} and {@code retort repair}: the history table against the revision files. */
public interface IntegrityUseCase {

    /**
     * @param applied    how many applied revisions have a recorded checksum
     * @param mismatches one line per applied revision whose file changed since it ran
     * @param dirty      one line per failed step not yet repaired
     */
    record VerifyReport(int applied, List<String> mismatches, List<String> dirty) {
        public VerifyReport {
            mismatches = List.copyOf(mismatches);
            dirty = List.copyOf(dirty);
        }

        public boolean ok() {
            return mismatches.isEmpty() && dirty.isEmpty();
        }
    }

    /** Compares every applied revision's file with the checksum recorded when it ran. Never changes anything. */
    VerifyReport verify();

    /**
     * Clears failed steps (after the database was fixed by hand) and, with {@code acceptChecksums},
     * records the current checksums of changed applied revisions.
     *
     * @return one line per thing repaired
     */
    List<String> repair(boolean acceptChecksums);
}
