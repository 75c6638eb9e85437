package dev.retort.adapter.config;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.Secrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A project's resolved settings: {@code retort.yaml} after environment interpolation and
 * precedence (command line &gt; {@code RETORT_*} environment variables &gt; file &gt; defaults).
 * Paths are absolute; a relative SQLite file in {@code url} is already resolved against
 * {@code projectDir}. {@link #toString()} never shows the password.
 *
 * @param configFile              the retort.yaml read, absolute
 * @param projectDir              the folder holding it; relative paths in the file resolve against it
 * @param scriptLocation          the folder holding {@code versions/}, absolute
 * @param user                    database user, or null to take it from the URL
 * @param password                database password, or null
 * @param schema                  schema to work in, or null for the database default
 * @param targetMetadata          as written: a schema file path (relative to projectDir), or {@code class:...}; null when unset
 * @param versionTable            name of the version table
 * @param fileTemplate            revision file name template, e.g. {@code %(rev)s_%(slug)s}
 * @param transactionPerMigration run each revision in its own transaction
 * @param classpath               extra class path entries for {@code class:} models, absolute
 * @param includeTables           glob patterns of tables autogenerate and check compare; empty means all
 * @param excludeTables           glob patterns of tables they never compare
 * @param targetOptions           options for a pluggable target_metadata provider, e.g. {@code naming: snake_case}
 * @param hooks                   commands run on each new revision file
 * @param historyTable            name of the history table
 * @param lockTimeout             how long to wait for the migration lock
 */
public record RetortSettings(Path configFile, Path projectDir, Path scriptLocation, String url, String user, String password,
                             String schema, String targetMetadata, String versionTable, String fileTemplate,
                             boolean transactionPerMigration, List<Path> classpath, List<String> includeTables,
                             List<String> excludeTables, java.util.Map<String, String> targetOptions, List<PostWriteHook> hooks,
                             String historyTable, java.time.Duration lockTimeout) {

    public static final String DEFAULT_URL = "jdbc:sqlite:retort.db";
    public static final String DEFAULT_FILE_TEMPLATE = FileTemplate.DEFAULT;

    public RetortSettings {
        Objects.requireNonNull(configFile, "configFile");
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(scriptLocation, "scriptLocation");
        Objects.requireNonNull(url, "url");
        versionTable = versionTable == null || versionTable.isBlank() ? ConnectionSettings.DEFAULT_VERSION_TABLE : versionTable;
        fileTemplate = fileTemplate == null || fileTemplate.isBlank() ? DEFAULT_FILE_TEMPLATE : fileTemplate;
        classpath = classpath == null ? List.of() : List.copyOf(classpath);
        includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
        excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        targetOptions = targetOptions == null ? java.util.Map.of() : java.util.Map.copyOf(targetOptions);
        hooks = hooks == null ? List.of() : List.copyOf(hooks);
        historyTable = historyTable == null || historyTable.isBlank() ? ConnectionSettings.DEFAULT_HISTORY_TABLE : historyTable;
        lockTimeout = lockTimeout == null ? java.time.Duration.ofSeconds(60) : lockTimeout;
    }

    /** What a dialect needs to connect. */
    public ConnectionSettings connectionSettings() {
        return new ConnectionSettings(url, user, password, schema, versionTable, historyTable);
    }

    /** {@code <script_location>/versions}. */
    public Path versionsDir() {
        return scriptLocation.resolve(YamlScriptRepository.VERSIONS);
    }

    /** The URL with any password masked, for messages. */
    public String maskedUrl() {
        return Secrets.mask(url, password);
    }

    @Override
    public String toString() {
        return "RetortSettings[configFile=" + configFile + ", projectDir=" + projectDir + ", scriptLocation=" + scriptLocation
                + ", url=" + maskedUrl() + ", user=" + user + ", password=" + (password == null ? "null" : "***")
                + ", schema=" + schema + ", targetMetadata=" + targetMetadata + ", versionTable=" + versionTable
                + ", fileTemplate=" + fileTemplate + ", transactionPerMigration=" + transactionPerMigration
                + ", classpath=" + classpath + ", includeTables=" + includeTables + ", excludeTables=" + excludeTables + ", targetOptions=" + targetOptions + ", hooks=" + hooks.size() + ", historyTable=" + historyTable + ", lockTimeout=" + lockTimeout + "]";
    }
}
