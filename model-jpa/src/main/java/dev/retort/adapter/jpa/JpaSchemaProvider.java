package dev.retort.adapter.jpa;

import dev.retort.core.application.port.out.TargetSchemaProvider;
import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code target_metadata: jpa:com.example.app.model}: the schema model is the project's own JPA
 * entities. The location is one package or several separated by commas (sub-packages included);
 * the classes come from {@code classpath:} in retort.yaml (a jar, or a build's classes folder).
 * Entities are found with ClassGraph and mapped from their {@code jakarta.persistence} annotations
 * alone, as Hibernate's schema export would create them; Hibernate itself is not needed.
 * {@code target_options:} {@code naming: jpa | snake_case} (Spring Boot's naming) and
 * {@code identifier_case: preserve | lower | upper}. Mappings that are ambiguous or unsupported are
 * reported as warnings naming the class and attribute. See docs/jpa.md.
 * <p>
 * Stateless; each {@link TargetSchemaSource#load()} reads the classes afresh.
 */
public final class JpaSchemaProvider implements TargetSchemaProvider {
    private static final Pattern PACKAGE = Pattern.compile("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*");

    @Override
    public String scheme() {
        return "jpa";
    }

    /** @throws ConfigException when the location names no valid package or an option is unknown */
    @Override
    public TargetSchemaSource open(String location, Context context) {
        List<String> packages = packages(location);
        JpaOptions options = JpaOptions.parse(context.options());
        if (context.classpath().isEmpty()) {
            throw new ConfigException("target_metadata jpa:" + location.strip() + " needs the compiled entities: add their classes folder or jar to "
                    + "classpath: in retort.yaml, e.g. classpath: [target/classes]");
        }
        return () -> read(packages, context, options);
    }

    private static Schema read(List<String> packages, Context context, JpaOptions options) {
        Warnings warnings = new Warnings(context.reporter());
        try (EntityScan scan = EntityScan.open(packages, context.classpath())) {
            List<Class<?>> entities = scan.entities();
            Map<Class<?>, Class<?>> converters = new HashMap<>();
            for (Class<?> c : scan.autoAppliedConverters()) {
                Class<?> converted = TypeMapper.convertedAttributeType(c);
                if (converted != null) {
                    converters.put(converted, c);
                }
            }
            TypeMapper types = new TypeMapper(warnings, converters);
            return new JpaSchemaMapper(new Naming(options), warnings, types, scan::foreignAnnotations).map(entities);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("target_metadata jpa:" + String.join(",", packages) + ": the entities do not make a valid schema: "
                    + e.getMessage(), e);
        }
    }

    static List<String> packages(String location) {
        List<String> out = new ArrayList<>();
        for (String part : location.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (!PACKAGE.matcher(p).matches()) {
                throw new ConfigException("target_metadata jpa:" + location.strip() + ": '" + p
                        + "' is not a Java package name; expected jpa:com.example.app.model (several separated by commas)");
            }
            out.add(p);
        }
        if (out.isEmpty()) {
            throw new ConfigException("target_metadata jpa: names no package; expected jpa:com.example.app.model (several separated by commas)");
        }
        return out;
    }
}
