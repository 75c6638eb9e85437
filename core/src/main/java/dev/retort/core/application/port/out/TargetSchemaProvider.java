package dev.retort.core.application.port.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A pluggable kind of {@code target_metadata}: {@code <scheme>:<location>}, e.g.
 * {@code jpa:com.example.model}. Modules list providers in
 * {@code META-INF/services/dev.retort.core.application.port.out.TargetSchemaProvider}; the CLI
 * finds them at run time, as it finds dialects.
 */
public interface TargetSchemaProvider {

    /** @return the scheme this provider handles, lower case, e.g. {@code jpa} */
    String scheme();

    /**
     * @param location the text after {@code <scheme>:}
     * @throws dev.retort.core.domain.ConfigException when the location or context is unusable
     */
    TargetSchemaSource open(String location, Context context);

    /**
     * Where a model is read from.
     *
     * @param projectDir the folder holding retort.yaml
     * @param classpath  extra class path entries ({@code classpath:} in retort.yaml), absolute
     * @param options    {@code target_options:} from retort.yaml, e.g. {@code naming: snake_case}
     * @param reporter   for warnings about the model (a mapping that is ambiguous or unsupported)
     */
    record Context(Path projectDir, List<Path> classpath, Map<String, String> options, Reporter reporter) {
        public Context {
            classpath = List.copyOf(classpath);
            options = Map.copyOf(options);
        }
    }
}
