package dev.retort.core.domain.schema;

final class Names {
    private Names() {
    }

    static String require(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        return name;
    }
}
