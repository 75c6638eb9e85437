package dev.retort.core.application.port.in;

/** @param target a revision target, e.g. {@code base}, {@code -1}, an id, {@code label@base} */
public record DowngradeCommand(String target) {
    public DowngradeCommand {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("downgrade needs a target revision, e.g. -1 or base");
        }
    }
}
