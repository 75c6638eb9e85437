package dev.retort.api;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.retort.adapter.config.RetortSettings;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The one place Retort is assembled, shared by the CLI, the Java API ({@link Retort}) and the
 * Maven plugin. Every binding is a {@code @Provides} method calling a plain constructor (core has
 * no framework annotations); Guice builds them lazily, so a command loads only what it uses.
 * Dialects and {@code target_metadata} providers are found with {@link ServiceLoader} in
 * {@link Assembly#classLoader()}: a dialect jar on the class path adds a database.
 *
 * <p>Use cases are unscoped (a new service per lookup); settings, connector, registry and
 * reporter are singletons of the injector.
 */
public final class RetortModule extends AbstractModule {
    private final Assembly assembly;
    private volatile RetortSettings loaded;

    /** @param assembly what the host provides: settings, working directory, reporter, and optional overrides */
    public RetortModule(Assembly assembly) {
        this.assembly = Objects.requireNonNull(assembly, "assembly");
    }

    /**
     * An instance from an injector built with this module, with what a provider threw rethrown as
     * it was: Guice wraps it in {@link ProvisionException}, and users should see Retort's own error.
     */
    public static <T> T get(Injector injector, Class<T> type) {
        try {
            return injector.getInstance(type);
        } catch (ProvisionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof ProvisionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** The configured password once the settings have been read, else null; for masking messages. */
    public String passwordForMasking() {
        RetortSettings s = loaded;
        return s == null ? null : s.password();
    }

    /** Every password the loaded settings carry (the password setting and any in the URL); empty before loading. */
    public java.util.List<String> passwordsForMasking() {
        RetortSettings s = loaded;
        java.util.List<String> out = new java.util.ArrayList<>();
        if (s != null) {
            out.add(s.password());
            out.addAll(dev.retort.core.domain.Secrets.passwordsIn(s.url()));
        }
        return out;
    }

    @Provides
    @Singleton
    RetortSettings settings() {
        loaded = assembly.settings().get();
        return loaded;
    }

    @Provides
    @Singleton
    DialectRegistry dialects() {
        return new DialectRegistry(() -> {
            List<DialectProvider> providers = new ArrayList<>();
            ServiceLoader.load(DialectProvider.class, assembly.classLoader()).forEach(providers::add);
            return providers;
        });
    }

    @Provides
    @Singleton
    DatabaseConnector connector(DialectRegistry dialects, RetortSettings settings) {
        if (assembly.dataSource() != null) {
            return new DataSourceConnector(assembly.dataSource(), settings, dialects);
        }
        return new ConfiguredConnector(dialects, settings.connectionSettings(), settings.lockTimeout(), settings.transactionPerMigration());
    }

    /** With a DataSource, reading these connects once to learn its URL. */
    @Provides
    @Singleton
    ConnectionSettings connectionSettings(RetortSettings settings, DatabaseConnector connector) {
        return connector instanceof DataSourceConnector d ? d.connectionSettings() : settings.connectionSettings();
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
        return new YamlScriptRepository(settings.scriptLocation(), settings.fileTemplate(), assembly.workDir());
    }

    @Provides
    @Singleton
    TargetSchemaSource targetSchema(RetortSettings settings, Reporter reporter) {
        if (assembly.targetSchema() != null) {
            return assembly.targetSchema();
        }
        // Resolved on first load(): commands that never read the model (revision without
        // --autogenerate, say) must not need target_metadata.
        return () -> {
            List<TargetSchemaProvider> providers = new ArrayList<>();
            ServiceLoader.load(TargetSchemaProvider.class, assembly.classLoader()).forEach(providers::add);
            return TargetSchemaSources.from(settings, assembly.workDir(), providers, reporter).load();
        };
    }

    @Provides
    @Singleton
    Reporter reporter() {
        return assembly.reporter();
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

    // One service answers both, and it caches the graph; unscoped, so a long-lived Java API
    // instance sees revision files written after an earlier query.
    @Provides
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

    /**
     * What {@link RevisionQueries} and {@link CurrentQuery} are bound to, made by the same provider
     * methods but without an injector. A CLI run of {@code heads}, {@code history} or
     * {@code current} asks one question and exits, and building the injector took a third of
     * such a run (bench/README.md). Settings read here count for {@link #passwordsForMasking()}.
     */
    public RevisionQueryService revisionQueriesWithoutInjector() {
        RetortSettings s = settings();
        return queries(scripts(s), connector(dialects(), s));
    }

    @Override
    protected void configure() {
        // Everything is provided by the methods above.
    }
}
