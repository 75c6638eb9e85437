package dev.retort.core.application.port.in;

/** @param target a revision target, e.g. {@code head}, {@code heads}, {@code +1}, an id */
public record UpgradeCommand(String target) {
    public UpgradeCommand {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("upgrade needs a target revision, e.g. head");
        }
    }
}
