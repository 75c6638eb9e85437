package dev.retort.core.domain.operation;

final class Require {
    private Require() {
    }

    static void name(String value, String message) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(message);
        }
    }
}
