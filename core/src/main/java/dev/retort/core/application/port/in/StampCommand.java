package dev.retort.core.application.port.in;

/** @param purge delete every version row first */
public record StampCommand(String target, boolean purge) {
    public StampCommand {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("stamp needs a target revision, e.g. head");
        }
    }
}
