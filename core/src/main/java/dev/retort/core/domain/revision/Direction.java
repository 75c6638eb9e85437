package dev.retort.core.domain.revision;

public enum Direction {
    UPGRADE, DOWNGRADE
}
