package dev.retort.adapter.cli;

import com.google.inject.AbstractModule;
import dev.retort.adapter.config.SettingsLoader;
import dev.retort.adapter.config.SettingsOverrides;
import dev.retort.api.Assembly;
import dev.retort.api.RetortModule;
import java.nio.file.Path;

/**
 * The CLI's side of the assembly: settings from {@code -c}/{@code --url} and the environment,
 * progress on the console. Every use case is bound by the shared {@link RetortModule} (module
 * {@code api}), which the Java API and the Maven plugin use too; CLI-only bindings go here.
 */
final class CliModule extends AbstractModule {
    private final RetortModule shared;

    CliModule(CliIo io, Path configFile, String urlOverride, boolean quiet) {
        this.shared = new RetortModule(Assembly.of(
                () -> new SettingsLoader(io.env(), io.workDir()).load(configFile, SettingsOverrides.url(urlOverride)),
                io.workDir(), new ConsoleReporter(io, quiet)));
    }

    /** The read-only queries, without building an injector ({@link RetortModule#revisionQueriesWithoutInjector()}). */
    dev.retort.core.application.service.RevisionQueryService revisionQueries() {
        return shared.revisionQueriesWithoutInjector();
    }

    /** The configured password once the settings were read, else null. */
    String loadedPassword() {
        return shared.passwordForMasking();
    }

    java.util.List<String> loadedPasswords() {
        return shared.passwordsForMasking();
    }

    @Override
    protected void configure() {
        install(shared);
    }
}
