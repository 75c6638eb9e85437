package dev.retort.adapter.config;

import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.TargetSchemaProvider;
import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.domain.ConfigException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the {@link TargetSchemaSource} that a project's {@code target_metadata} names: a schema
 * file path, {@code class:<name>}, or {@code <scheme>:<location>} for a provider found at run time
 * (e.g. {@code jpa:com.example.model}).
 */
public final class TargetSchemaSources {
    /** Prefix of a {@code target_metadata} that names a Java class instead of a file. */
    public static final String CLASS_PREFIX = "class:";
    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9_+-]+):(.*)", Pattern.DOTALL);

    private TargetSchemaSources() {
    }

    /** A file or {@code class:} model; paths in messages relative to the process's working directory. */
    public static TargetSchemaSource from(RetortSettings settings) {
        return from(settings, Path.of("").toAbsolutePath());
    }

    /** A file or {@code class:} model; paths in messages relative to {@code workingDir}. */
    public static TargetSchemaSource from(RetortSettings settings, Path workingDir) {
        return from(settings, workingDir, List.of(), null);
    }

    /**
     * @param providers pluggable model kinds found at run time, besides the built-in {@code class:}
     * @param reporter  for the provider's warnings; may be null
     * @throws ConfigException when target_metadata is unset, names an unknown scheme, or is not a valid path
     */
    public static TargetSchemaSource from(RetortSettings settings, Path workingDir, List<TargetSchemaProvider> providers, Reporter reporter) {
        String target = settings.targetMetadata();
        if (target == null) {
            throw new ConfigException("target_metadata is not set in " + SourceFile.display(settings.configFile(), workingDir)
                    + "; expected target_metadata: schema.yaml (a schema model file) in retort.yaml");
        }
        Matcher m = SCHEME.matcher(target.strip());
        if (m.matches()) {
            String scheme = m.group(1).toLowerCase(Locale.ROOT);
            List<TargetSchemaProvider> all = new ArrayList<>(providers);
            all.add(new ClassSchemaProvider());
            for (TargetSchemaProvider p : all) {
                if (p.scheme().equalsIgnoreCase(scheme)) {
                    return p.open(m.group(2), new TargetSchemaProvider.Context(settings.projectDir(), settings.classpath(),
                            settings.targetOptions(), reporter));
                }
            }
            throw new ConfigException("target_metadata '" + target + "': no model provider for '" + scheme + ":' on the class path (known: "
                    + String.join(", ", all.stream().map(p -> p.scheme() + ":").toList())
                    + "); use a schema file path, class:<name>, or add the provider's jar");
        }
        try {
            return new YamlSchemaSource(settings.projectDir().resolve(target).normalize(), workingDir);
        } catch (InvalidPathException e) {
            throw new ConfigException("target_metadata '" + target + "' is not a valid path (" + e.getReason() + ")", e);
        }
    }
}
