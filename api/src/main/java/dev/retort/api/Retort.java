package dev.retort.api;

import com.google.inject.Injector;
import dev.retort.adapter.config.RetortSettings;
import dev.retort.core.application.port.in.CheckUseCase;
import dev.retort.core.application.port.in.CheckUseCase.CheckResult;
import dev.retort.core.application.port.in.CreateRevisionCommand;
import dev.retort.core.application.port.in.CreateRevisionResult;
import dev.retort.core.application.port.in.CreateRevisionUseCase;
import dev.retort.core.application.port.in.CurrentQuery;
import dev.retort.core.application.port.in.DowngradeCommand;
import dev.retort.core.application.port.in.DowngradeUseCase;
import dev.retort.core.application.port.in.IntegrityUseCase;
import dev.retort.core.application.port.in.IntegrityUseCase.VerifyReport;
import dev.retort.core.application.port.in.MigrationResult;
import dev.retort.core.application.port.in.RevisionInfo;
import dev.retort.core.application.port.in.RevisionQueries;
import dev.retort.core.application.port.in.StampCommand;
import dev.retort.core.application.port.in.StampUseCase;
import dev.retort.core.application.port.in.StampUseCase.StampResult;
import dev.retort.core.application.port.in.UpgradeCommand;
import dev.retort.core.application.port.in.UpgradeUseCase;
import dev.retort.core.domain.ConfigException;
import java.nio.file.FileSystems;
import java.util.List;

/**
 * Retort from Java code: the CLI's commands as methods that return data.
 *
 * <pre>{@code
 * MigrationResult r = Retort.configure()
 *         .dataSource(dataSource)
 *         .scriptLocation("classpath:db/migrations")
 *         .load()
 *         .upgrade("head");
 * }</pre>
 *
 * Targets are the CLI's ({@code head}, {@code heads}, {@code base}, an id or prefix,
 * {@code label@head}, {@code +1}, {@code -1}, ...; see docs/behaviour.md). Each call reads the
 * revision files afresh and opens (and closes) its own connection, so a {@code Retort} holds no
 * connection between calls. Calls are serialized: one instance may be shared between threads.
 *
 * <p>Errors are Retort's unchecked exceptions, with the CLI's one-line messages:
 * {@link dev.retort.core.domain.DatabaseException} (unreachable database, a refused statement, no
 * dialect for the URL: the CLI's exit 2), and other
 * {@link dev.retort.core.domain.RetortException}s for user errors such as
 * {@link dev.retort.core.domain.ConfigException} (files) or
 * {@link dev.retort.core.domain.revision.RevisionGraphException} (graph, targets); bad arguments
 * throw {@link IllegalArgumentException}.
 */
public final class Retort {
    private final Injector injector;
    private final RetortSettings settings;

    Retort(Injector injector, RetortSettings settings) {
        this.injector = injector;
        this.settings = settings;
    }

    /** Starts a configuration; finish it with {@link RetortBuilder#load()}. */
    public static RetortBuilder configure() {
        return new RetortBuilder();
    }

    /** The resolved settings (paths absolute; {@code toString()} masks the password). */
    public RetortSettings settings() {
        return settings;
    }

    /** {@code upgrade head}. */
    public MigrationResult upgrade() {
        return upgrade("head");
    }

    /**
     * Applies pending revisions up to {@code target}; nothing to do is an empty result, not an error.
     *
     * @throws dev.retort.core.domain.MigrationFailedException naming the revision and statement that failed
     */
    public synchronized MigrationResult upgrade(String target) {
        return use(UpgradeUseCase.class).upgrade(new UpgradeCommand(target));
    }

    /** Reverts applied revisions down to {@code target} ({@code -1}, {@code base}, an id). */
    public synchronized MigrationResult downgrade(String target) {
        return use(DowngradeUseCase.class).downgrade(new DowngradeCommand(target));
    }

    /** The revisions the database is at: empty at base, several with unmerged branches. Connects. */
    public synchronized List<RevisionInfo> current() {
        return use(CurrentQuery.class).current();
    }

    /** The heads of the revision graph. Does not connect. */
    public synchronized List<RevisionInfo> heads() {
        return use(RevisionQueries.class).heads();
    }

    /** Every revision, newest first. Does not connect. */
    public List<RevisionInfo> history() {
        return history(null);
    }

    /** @param range {@code start:end} (either side may be empty), or null for all; newest first */
    public synchronized List<RevisionInfo> history(String range) {
        return use(RevisionQueries.class).history(range);
    }

    /**
     * Compares the model ({@code targetMetadata}) with the database, which must be at head, as
     * autogenerate would; writes nothing. {@link CheckResult#clean()} is false when they differ.
     */
    public synchronized CheckResult check() {
        return use(CheckUseCase.class).check();
    }

    /** {@code revision -m message}: an empty revision on top of head, for hand-written operations. */
    public CreateRevisionResult revision(String message) {
        return revision(new CreateRevisionCommand(message, false, null, false, null, null, null, null));
    }

    /**
     * {@code revision --autogenerate -m message}: operations from comparing the model with the
     * database (which must be at head). {@link CreateRevisionResult#noChanges()} when they match.
     */
    public CreateRevisionResult autogenerate(String message) {
        return revision(new CreateRevisionCommand(message, true, null, false, null, null, null, null));
    }

    /**
     * Writes a new revision file into the script location's {@code versions/}.
     *
     * @throws ConfigException when the script location is inside a jar
     */
    public synchronized CreateRevisionResult revision(CreateRevisionCommand command) {
        if (!settings.scriptLocation().getFileSystem().equals(FileSystems.getDefault())) {
            throw new ConfigException("the script location " + settings.scriptLocation().toUri()
                    + " is inside a jar; new revision files need a folder: give scriptLocation a folder path");
        }
        return use(CreateRevisionUseCase.class).create(command);
    }

    /**
     * Compares every applied revision's file with the checksum recorded when it ran, and lists
     * failed steps not yet repaired. Changes nothing; {@code ok()} is false when something is off.
     */
    public synchronized VerifyReport verify() {
        return use(IntegrityUseCase.class).verify();
    }

    /** Sets the version table to {@code target} without running migrations. */
    public synchronized StampResult stamp(String target) {
        return use(StampUseCase.class).stamp(new StampCommand(target, false));
    }

    private <T> T use(Class<T> type) {
        return RetortModule.get(injector, type);
    }
}
