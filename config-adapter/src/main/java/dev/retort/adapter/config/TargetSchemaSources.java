package dev.retort.adapter.config;

import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.domain.ConfigException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Picks the {@link TargetSchemaSource} that a project's {@code target_metadata} names. */
public final class TargetSchemaSources {
    /** Prefix of a {@code target_metadata} that names a Java class instead of a file. */
    public static final String CLASS_PREFIX = "class:";

    private TargetSchemaSources() {
    }

    /**
     * A {@link YamlSchemaSource} for a file path (relative to the project folder).
     *
     * @throws ConfigException when target_metadata is unset, names a class (not supported yet),
     *         or is not a valid path
     */
    public static TargetSchemaSource from(RetortSettings settings) {
        return from(settings, Path.of("").toAbsolutePath());
    }

    /**
     * Like {@link #from(RetortSettings)}, showing paths in messages relative to {@code workingDir}.
     */
    public static TargetSchemaSource from(RetortSettings settings, Path workingDir) {
        String target = settings.targetMetadata();
        if (target == null) {
            throw new ConfigException("target_metadata is not set in " + SourceFile.display(settings.configFile(), workingDir)
                    + "; expected target_metadata: schema.yaml (a schema model file) in retort.yaml");
        }
        if (target.startsWith(CLASS_PREFIX)) {
            throw new ConfigException("target_metadata '" + target + "': class: models arrive with issue 3"
                    + "; expected a schema file path such as schema.yaml for now");
        }
        try {
            return new YamlSchemaSource(settings.projectDir().resolve(target).normalize(), workingDir);
        } catch (InvalidPathException e) {
            throw new ConfigException("target_metadata '" + target + "' is not a valid path (" + e.getReason() + ")", e);
        }
    }
}
