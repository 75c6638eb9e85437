package dev.retort.core.application.port.in;

/** {@code retort revision}. */
public interface CreateRevisionUseCase {
    CreateRevisionResult create(CreateRevisionCommand command);
}
