package dev.retort.core.domain.revision;

import java.util.regex.Pattern;

/** A revision identifier: generated ids are 12 lowercase hex characters; {@code --rev-id} may give others. */
public record RevisionId(String value) implements Comparable<RevisionId> {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_]{0,127}");
    private static final java.util.Set<String> RESERVED = java.util.Set.of("head", "heads", "base", "current");

    public RevisionId {
        if (value == null || !VALID.matcher(value).matches()) {
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
}
