package dev.retort.api;

import dev.retort.adapter.config.RetortSettings;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.TargetSchemaSource;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * What a host (the CLI, the Java API, the Maven plugin) gives {@link RetortModule}.
 *
 * @param settings     the project's settings; called at most once, when something first needs them,
 *                     so a command that needs none (help, {@code init}) never reads a file
 * @param workDir      paths in messages are shown relative to it
 * @param reporter     hears progress and notices
 * @param classLoader  where dialects and {@code target_metadata} providers are looked up with
 *                     {@link java.util.ServiceLoader}
 * @param dataSource   when not null, the database is found through it instead of the settings' URL
 *                     (see {@link RetortBuilder#dataSource(DataSource)} for what that means)
 * @param targetSchema when not null, the model used instead of the settings' {@code target_metadata}
 */
public record Assembly(Supplier<RetortSettings> settings, Path workDir, Reporter reporter, ClassLoader classLoader,
                       DataSource dataSource, TargetSchemaSource targetSchema) {

    public Assembly {
        Objects.requireNonNull(settings, "settings");
        workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath().normalize();
        Objects.requireNonNull(reporter, "reporter");
        classLoader = classLoader == null ? Assembly.class.getClassLoader() : classLoader;
    }

    /** Settings from {@code settings}, dialects from this library's class loader. */
    public static Assembly of(Supplier<RetortSettings> settings, Path workDir, Reporter reporter) {
        return new Assembly(settings, workDir, reporter, null, null, null);
    }

    /** The same, reaching the database through {@code dataSource} (its URL is read from a borrowed connection). */
    public Assembly withDataSource(DataSource dataSource) {
        return new Assembly(settings, workDir, reporter, classLoader, dataSource, targetSchema);
    }

    /** The same, comparing with {@code targetSchema} instead of the settings' {@code target_metadata}. */
    public Assembly withTargetSchema(TargetSchemaSource targetSchema) {
        return new Assembly(settings, workDir, reporter, classLoader, dataSource, targetSchema);
    }

    /** The same, finding dialects and model providers in {@code classLoader}. */
    public Assembly withClassLoader(ClassLoader classLoader) {
        return new Assembly(settings, workDir, reporter, classLoader, dataSource, targetSchema);
    }
}
