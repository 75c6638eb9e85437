package dev.retort.core.application.port.in;

import dev.retort.core.domain.revision.Direction;

/** {@code upgrade --sql} / {@code downgrade --sql}: the script an online run would execute, without a database. */
public interface SqlScriptUseCase {

    /**
     * @param range   {@code end} or {@code start:end}; an upgrade starts at base unless given, a downgrade needs {@code start:end}
     * @param dialect a dialect name ({@code postgres}, {@code mysql}, {@code sqlite}), or null for the configured URL's dialect
     */
    record ScriptCommand(Direction direction, String range, String dialect) {
        public ScriptCommand {
            if (direction == null) {
                throw new IllegalArgumentException("a direction is required");
            }
            if (range == null || range.isBlank()) {
                throw new IllegalArgumentException("a target or start:end range is required");
            }
        }
    }

    /** @return the whole script, statements terminated by {@code ;} */
    String script(ScriptCommand command);
}
