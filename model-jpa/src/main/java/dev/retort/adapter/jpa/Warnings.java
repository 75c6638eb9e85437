package dev.retort.adapter.jpa;

import dev.retort.core.application.port.out.Reporter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Mapping warnings, each once, in the order found; sent to the reporter when there is one. */
final class Warnings {
    private final Reporter reporter;
    private final Set<String> seen = new LinkedHashSet<>();

    Warnings(Reporter reporter) {
        this.reporter = reporter;
    }

    /** @param where the class, or class and attribute, as {@code com.example.Pet.photo} */
    void warn(String where, String message) {
        String text = "jpa model: " + where + ": " + message;
        if (seen.add(text) && reporter != null) {
            reporter.warn(text);
        }
    }

    List<String> all() {
        return new ArrayList<>(seen);
    }
}
