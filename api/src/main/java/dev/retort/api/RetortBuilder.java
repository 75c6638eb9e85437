package dev.retort.api;

import com.google.inject.Guice;
import com.google.inject.Stage;
import dev.retort.adapter.config.RetortSettings;
import dev.retort.adapter.config.SettingsLoader;
import dev.retort.adapter.config.SettingsOverrides;
import dev.retort.adapter.config.YamlSchemaSource;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.schema.Schema;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Configures a {@link Retort}; from {@link Retort#configure()}. Give a database ({@link #url} or
 * {@link #dataSource}) and a script location, or a {@link #configFile retort.yaml}; the values set
 * here win over the file's (as command-line flags do for the CLI). Nothing is read or connected
 * until {@link #load()}, and {@link #load()} reads files but does not connect.
 *
 * <p>Relative paths, and the file of a relative {@code jdbc:sqlite:} URL, resolve against the folder
 * holding the config file, or {@link #baseDir} without one. A builder is not thread-safe; the {@link Retort} it loads is.
 */
public final class RetortBuilder {
    private Path configFile;
    private Path baseDir;
    private Map<String, String> environment = System.getenv();
    private DataSource dataSource;
    private String url;
    private String user;
    private String password;
    private String schema;
    private String versionTable;
    private String scriptLocation;
    private String targetMetadata;
    private TargetSchemaSource targetSchema;
    private Reporter reporter = Reporters.systemLogger();
    private ClassLoader classLoader;
    private final List<Path> classpath = new ArrayList<>();

    RetortBuilder() {
    }

    /**
     * Reads a {@code retort.yaml}, with {@code ${VAR}} interpolation and {@code RETORT_*} overrides
     * from {@link #environment} (default: the process environment), exactly as the CLI does.
     */
    public RetortBuilder configFile(Path retortYaml) {
        this.configFile = Objects.requireNonNull(retortYaml, "retortYaml");
        return this;
    }

    /** Where relative paths resolve without a config file, and what messages show paths relative to (default: the working directory). */
    public RetortBuilder baseDir(Path dir) {
        this.baseDir = Objects.requireNonNull(dir, "dir");
        return this;
    }

    /** Variables for a config file's {@code ${VAR}} and {@code RETORT_*} overrides (default: {@link System#getenv()}). */
    public RetortBuilder environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return this;
    }

    /**
     * The database, as the application already reaches it. Retort borrows one connection to read
     * its JDBC URL and user name ({@code DatabaseMetaData}), returns it, and then opens its own
     * connection to that URL with the {@link #user}/{@link #password} given here: the pool's
     * connections are not used for migrating, a password held only inside the DataSource is not
     * known to Retort (pass it with {@link #password}, or put it in the URL), and an in-memory
     * database that lives only in the pool's connections is not reached.
     */
    public RetortBuilder dataSource(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        return this;
    }

    /** A JDBC URL, e.g. {@code jdbc:sqlite:app.db} or {@code jdbc:postgresql://host/db}. */
    public RetortBuilder url(String jdbcUrl) {
        this.url = jdbcUrl;
        return this;
    }

    /** The database user; default the URL's (or, with a DataSource, the one its connections report). */
    public RetortBuilder user(String user) {
        this.user = user;
        return this;
    }

    /** Never logged nor included in messages. */
    public RetortBuilder password(String password) {
        this.password = password;
        return this;
    }

    /** The schema to work in (PostgreSQL {@code search_path}); default: the database's. */
    public RetortBuilder schema(String schema) {
        this.schema = schema;
        return this;
    }

    /** The folder holding {@code versions/} (Alembic's {@code script_location}). */
    public RetortBuilder scriptLocation(Path folder) {
        this.scriptLocation = Objects.requireNonNull(folder, "folder").toString();
        return this;
    }

    /**
     * A folder path, or {@code classpath:db/migrations} for revision files packaged with the
     * application (a folder or a plain jar on the class path; read-only, so {@link Retort#revision}
     * needs a folder).
     */
    public RetortBuilder scriptLocation(String location) {
        this.scriptLocation = Objects.requireNonNull(location, "location");
        return this;
    }

    /**
     * The model, written as in retort.yaml: a schema file ({@code schema.yaml}), {@code class:com.example.AppSchema},
     * a provider's {@code scheme:location} such as {@code jpa:com.example.model}, or {@code classpath:db/schema.yaml}.
     */
    public RetortBuilder targetMetadata(String targetMetadata) {
        this.targetMetadata = Objects.requireNonNull(targetMetadata, "targetMetadata");
        this.targetSchema = null;
        return this;
    }

    /** The model as a schema file. */
    public RetortBuilder targetMetadata(Path schemaFile) {
        return targetMetadata(schemaFile.toString());
    }

    /** The model as built in code. */
    public RetortBuilder targetMetadata(Schema schema) {
        Objects.requireNonNull(schema, "schema");
        return targetMetadata(() -> schema);
    }

    /** The model from a source called on each {@link Retort#check()} or autogenerated revision. */
    public RetortBuilder targetMetadata(TargetSchemaSource source) {
        this.targetSchema = Objects.requireNonNull(source, "source");
        this.targetMetadata = null;
        return this;
    }

    /** Default {@code retort_version}. */
    public RetortBuilder versionTable(String versionTable) {
        this.versionTable = versionTable;
        return this;
    }

    /** Hears progress ({@code Running upgrade ...}) and notices; default {@link Reporters#systemLogger()}. */
    public RetortBuilder reporter(Reporter reporter) {
        this.reporter = Objects.requireNonNull(reporter, "reporter");
        return this;
    }

    /**
     * Where dialects, model providers and {@code classpath:} resources are looked up; default the
     * thread's context class loader, else Retort's own.
     */
    public RetortBuilder classLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
        return this;
    }

    /** Extra class path entries for {@code class:} and provider models, after retort.yaml's {@code classpath:}. */
    public RetortBuilder classpath(List<Path> entries) {
        this.classpath.addAll(entries);
        return this;
    }

    /**
     * Reads the settings (and the config file, if given) and assembles Retort. Does not connect.
     *
     * @throws ConfigException when the file is malformed, or neither a database nor a script location is given
     * @throws IllegalArgumentException when both {@link #url} and {@link #dataSource} are given
     */
    public Retort load() {
        if (dataSource != null && url != null) {
            throw new IllegalArgumentException("give url(...) or dataSource(...), not both");
        }
        Path workDir = (baseDir != null ? baseDir : Path.of("")).toAbsolutePath().normalize();
        ClassLoader loader = classLoader != null ? classLoader
                : Thread.currentThread().getContextClassLoader() != null ? Thread.currentThread().getContextClassLoader()
                : RetortBuilder.class.getClassLoader();

        Path classpathScripts = ClasspathLocations.isClasspath(scriptLocation) ? ClasspathLocations.resolve(scriptLocation, loader) : null;
        TargetSchemaSource model = targetSchema;
        String modelText = targetMetadata;
        if (ClasspathLocations.isClasspath(targetMetadata)) {
            model = new YamlSchemaSource(ClasspathLocations.resolve(targetMetadata, loader), workDir);
            modelText = null;
        }

        RetortSettings settings = configFile != null ? fromFile(workDir, classpathScripts, modelText)
                : fromValues(workDir, classpathScripts, modelText);
        if (model == null && settings.targetMetadata() == null && configFile == null) {
            model = () -> {
                throw new ConfigException("no target schema to compare with: set targetMetadata (a schema.yaml, class:..., or a Schema)");
            };
        }
        Assembly assembly = new Assembly(() -> settings, workDir, reporter, loader, dataSource, model);
        return new Retort(Guice.createInjector(Stage.DEVELOPMENT, new RetortModule(assembly)), settings);
    }

    private RetortSettings fromFile(Path workDir, Path classpathScripts, String modelText) {
        // A zip path cannot pass through the loader's string overrides; any placeholder does, and is replaced.
        String scripts = classpathScripts == null ? scriptLocation
                : classpathScripts.getFileSystem().equals(FileSystems.getDefault()) ? classpathScripts.toString() : ".";
        SettingsOverrides overrides = new SettingsOverrides(scripts, dataSource != null ? null : url, user, password, schema,
                modelText, versionTable);
        RetortSettings s = new SettingsLoader(environment, workDir).load(configFile, overrides);
        Path location = classpathScripts != null ? classpathScripts : s.scriptLocation();
        String effectiveUrl = dataSource != null ? dataSourceUrl() : s.url();
        List<Path> cp = new ArrayList<>(s.classpath());
        cp.addAll(absolute(s.projectDir(), classpath));
        return new RetortSettings(s.configFile(), s.projectDir(), location, effectiveUrl, s.user(), s.password(), s.schema(),
                s.targetMetadata(), s.versionTable(), s.fileTemplate(), s.transactionPerMigration(), cp, s.includeTables(),
                s.excludeTables(), s.targetOptions(), s.hooks(), s.historyTable(), s.lockTimeout());
    }

    private RetortSettings fromValues(Path projectDir, Path classpathScripts, String modelText) {
        if (scriptLocation == null) {
            throw new ConfigException("no script location: call scriptLocation(...) with the folder holding versions/, or configFile(...)");
        }
        if (url == null && dataSource == null) {
            throw new ConfigException("no database: call url(...) or dataSource(...), or configFile(...)");
        }
        Path location = classpathScripts != null ? classpathScripts : projectDir.resolve(scriptLocation).normalize();
        return new RetortSettings(projectDir.resolve("retort.yaml"), projectDir, location, dataSource != null ? dataSourceUrl() : sqliteFile(url, projectDir),
                blankToNull(user), blankToNull(password), blankToNull(schema), modelText, versionTable, null, true,
                absolute(projectDir, classpath), List.of(), List.of(), Map.of(), List.of(), null, null);
    }

    /** A relative {@code jdbc:sqlite:} file is relative to the base folder, as retort.yaml's are to the file's. */
    private static String sqliteFile(String url, Path dir) {
        String prefix = "jdbc:sqlite:";
        if (!url.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return url;
        }
        String rest = url.substring(prefix.length());
        int q = rest.indexOf('?');
        String file = q < 0 ? rest : rest.substring(0, q);
        try {
            if (file.isEmpty() || file.startsWith(":") || file.startsWith("file:") || Path.of(file).isAbsolute()) {
                return url;
            }
            return prefix + dir.resolve(file).normalize() + (q < 0 ? "" : rest.substring(q));
        } catch (java.nio.file.InvalidPathException e) {
            return url;
        }
    }

    /** Never connected to: with a DataSource the connector reads the real URL from it. */
    private String dataSourceUrl() {
        return "datasource:" + dataSource.getClass().getName();
    }

    private static List<Path> absolute(Path dir, List<Path> paths) {
        return paths.stream().map(p -> dir.resolve(p).normalize()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
