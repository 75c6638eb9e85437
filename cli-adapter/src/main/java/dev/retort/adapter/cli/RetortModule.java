package dev.retort.adapter.cli;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.retort.adapter.config.RetortSettings;
import dev.retort.adapter.config.SettingsLoader;
import dev.retort.adapter.config.SettingsOverrides;
import dev.retort.adapter.config.TargetSchemaSources;
import dev.retort.adapter.config.YamlScriptRepository;
import dev.retort.core.application.port.in.AppliedHistoryQuery;
import dev.retort.core.application.port.in.CheckUseCase;
import dev.retort.core.application.port.in.IntegrityUseCase;
import dev.retort.core.application.port.in.CreateRevisionUseCase;
import dev.retort.core.application.port.in.CurrentQuery;
import dev.retort.core.application.port.in.DowngradeUseCase;
import dev.retort.core.application.port.in.MergeUseCase;
import dev.retort.core.application.port.in.RevisionQueries;
import dev.retort.core.application.port.in.SqlScriptUseCase;
import dev.retort.core.application.port.in.StampUseCase;
import dev.retort.core.application.port.in.UpgradeUseCase;
import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.application.port.out.IdGenerator;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.application.port.out.TargetSchemaProvider;
import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.application.service.CheckService;
import dev.retort.core.application.service.ConfiguredConnector;
import dev.retort.core.application.service.CreateRevisionService;
import dev.retort.core.application.service.DialectRegistry;
import dev.retort.core.application.service.DowngradeService;
import dev.retort.core.application.service.IntegrityService;
import dev.retort.core.application.service.MergeService;
import dev.retort.core.application.service.RevisionQueryService;
import dev.retort.core.application.service.SqlScriptService;
import dev.retort.core.application.service.StampService;
import dev.retort.core.application.service.TimeOrderedIdGenerator;
import dev.retort.core.application.service.UpgradeService;
import dev.retort.core.domain.diff.DiffOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The one place Retort is assembled. Every binding is a {@code @Provides} method calling a plain
 * constructor; Guice builds them lazily, so a command loads only what it uses. Dialects are found
 * with {@link ServiceLoader}: a dialect jar on the classpath adds a database.
 */
final class RetortModule extends AbstractModule {
    private final CliIo io;
    private final Path configFile;
    private final String urlOverride;
    private final boolean quiet;
    private RetortSettings loaded;

    RetortModule(CliIo io, Path configFile, String urlOverride, boolean quiet) {
        this.io = io;
        this.configFile = configFile;
        this.urlOverride = urlOverride;
        this.quiet = quiet;
    }

    String loadedPassword() {
        return loaded == null ? null : loaded.password();
    }

    @Provides
    @Singleton
    RetortSettings settings() {
        loaded = new SettingsLoader(io.env(), io.workDir()).load(configFile, SettingsOverrides.url(urlOverride));
        return loaded;
    }

    @Provides
    @Singleton
    ConnectionSettings connectionSettings(RetortSettings settings) {
        return settings.connectionSettings();
    }

    @Provides
    @Singleton
    DialectRegistry dialects() {
        List<DialectProvider> providers = new ArrayList<>();
        ServiceLoader.load(DialectProvider.class, RetortModule.class.getClassLoader()).forEach(providers::add);
        return new DialectRegistry(providers);
    }

    @Provides
    @Singleton
    DatabaseConnector connector(DialectRegistry dialects, ConnectionSettings connection, RetortSettings settings) {
        return new ConfiguredConnector(dialects, connection, settings.lockTimeout());
    }

    @Provides
    @Singleton
    IntegrityService integrity(ScriptRepository scripts, DatabaseConnector connector, Reporter reporter) {
        return new IntegrityService(scripts, connector, reporter);
    }

    @Provides
    IntegrityUseCase integrityUseCase(IntegrityService service) {
        return service;
    }

    @Provides
    AppliedHistoryQuery appliedHistory(IntegrityService service) {
        return service;
    }

    @Provides
    @Singleton
    ScriptRepository scripts(RetortSettings settings) {
        return new YamlScriptRepository(settings.scriptLocation(), settings.fileTemplate(), io.workDir());
    }

    @Provides
    @Singleton
    TargetSchemaSource targetSchema(RetortSettings settings, Reporter reporter) {
        List<TargetSchemaProvider> providers = new ArrayList<>();
        ServiceLoader.load(TargetSchemaProvider.class, RetortModule.class.getClassLoader()).forEach(providers::add);
        return TargetSchemaSources.from(settings, io.workDir(), providers, reporter);
    }

    @Provides
    @Singleton
    Reporter reporter() {
        return new ConsoleReporter(io, quiet);
    }

    @Provides
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    IdGenerator ids(Clock clock) {
        return new TimeOrderedIdGenerator(clock);
    }

    @Provides
    UpgradeUseCase upgrade(ScriptRepository scripts, DatabaseConnector connector, Reporter reporter) {
        return new UpgradeService(scripts, connector, reporter);
    }

    @Provides
    DowngradeUseCase downgrade(ScriptRepository scripts, DatabaseConnector connector, Reporter reporter) {
        return new DowngradeService(scripts, connector, reporter);
    }

    @Provides
    StampUseCase stamp(ScriptRepository scripts, DatabaseConnector connector, Reporter reporter) {
        return new StampService(scripts, connector, reporter);
    }

    @Provides
    CreateRevisionUseCase revision(ScriptRepository scripts, TargetSchemaSource target, DatabaseConnector connector, IdGenerator ids,
                                   Clock clock, RetortSettings settings) {
        return new CreateRevisionService(scripts, target, connector, ids, clock, diffOptions(settings));
    }

    @Provides
    SqlScriptUseCase sqlScript(ScriptRepository scripts, DialectRegistry dialects, ConnectionSettings connection, Clock clock) {
        return new SqlScriptService(scripts, dialects, connection, clock);
    }

    @Provides
    CheckUseCase check(ScriptRepository scripts, TargetSchemaSource target, DatabaseConnector connector, RetortSettings settings) {
        return new CheckService(scripts, target, connector, diffOptions(settings));
    }

    private static DiffOptions diffOptions(RetortSettings settings) {
        return new DiffOptions(settings.includeTables(), settings.excludeTables());
    }

    @Provides
    MergeUseCase merge(ScriptRepository scripts, IdGenerator ids, Clock clock) {
        return new MergeService(scripts, ids, clock);
    }

    @Provides
    @Singleton
    RevisionQueryService queries(ScriptRepository scripts, DatabaseConnector connector) {
        return new RevisionQueryService(scripts, connector);
    }

    @Provides
    RevisionQueries revisionQueries(RevisionQueryService service) {
        return service;
    }

    @Provides
    CurrentQuery current(RevisionQueryService service) {
        return service;
    }

    @Override
    protected void configure() {
        // Everything is provided by the methods above.
    }
}
