package dev.retort.core.domain.revision;


/** A revision identifier: generated ids are 12 lowercase hex characters; {@code --rev-id} may give others. */
public record RevisionId(String value) implements Comparable<RevisionId> {
    private static final java.util.Set<String> RESERVED = java.util.Set.of("head", "heads", "base", "current");

    public RevisionId {
        if (value == null || !valid(value)) {
            throw new IllegalArgumentException("'" + value + "' is not a valid revision id (letters, digits and _, starting with a letter or digit, at most 128)");
        }
        if (RESERVED.contains(value)) {
            throw new IllegalArgumentException("'" + value + "' is reserved and cannot be a revision id");
        }
    }

    public static RevisionId of(String value) {
        return new RevisionId(value);
    }

    @Override
    public int compareTo(RevisionId o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }

    // equals and hashCode by hand: a record's generated ones go through method handles, which
    // cost more than the graph work itself in a short-lived CLI (100,000 revisions: a tenth of `heads`).
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof RevisionId other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /**
     * {@code [A-Za-z0-9][A-Za-z0-9_]{0,127}}, without a regex matcher: ids are checked once per
     * revision file on every command.
     */
    static boolean valid(String v) {
        int n = v.length();
        if (n == 0 || n > 128) {
            return false;
        }
        for (int k = 0; k < n; k++) {
            char c = v.charAt(k);
            boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!alnum && (k == 0 || c != '_')) {
                return false;
            }
        }
        return true;
    }
}
