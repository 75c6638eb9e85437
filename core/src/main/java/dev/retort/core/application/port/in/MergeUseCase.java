package dev.retort.core.application.port.in;

/** {@code retort merge}. */
public interface MergeUseCase {
    CreateRevisionResult merge(MergeCommand command);
}
