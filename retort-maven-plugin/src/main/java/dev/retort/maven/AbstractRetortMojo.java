package dev.retort.maven;

import dev.retort.api.Retort;
import dev.retort.api.RetortBuilder;
import dev.retort.core.domain.DatabaseException;
import dev.retort.core.domain.RetortException;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: the project's settings from {@code retort.yaml} (read as the CLI reads
 * it, {@code ${VAR}} and {@code RETORT_*} included) with the values configured in the pom winning
 * over the file's, and Retort's errors as Maven's. A user error (bad target, graph problem, bad
 * file, drift) fails the build with {@link MojoFailureException}; a database error (unreachable,
 * refused statement) with {@link MojoExecutionException}. The message is the CLI's one line, with
 * passwords masked.
 */
public abstract class AbstractRetortMojo extends AbstractMojo {

    /** retort.yaml; when it does not exist, {@code url} and {@code scriptLocation} must be configured here. */
    @Parameter(property = "retort.configFile", defaultValue = "${project.basedir}/retort.yaml")
    private File configFile;

    /** JDBC URL; wins over retort.yaml and {@code RETORT_URL}. */
    @Parameter(property = "retort.url")
    private String url;

    @Parameter(property = "retort.user")
    private String user;

    /** Never logged by Retort; prefer {@code ${env.DB_PASSWORD}} here or {@code ${VAR}} in retort.yaml over a literal. */
    @Parameter(property = "retort.password")
    private String password;

    /** Schema to work in (PostgreSQL {@code search_path}). */
    @Parameter(property = "retort.schema")
    private String schema;

    /** The folder holding {@code versions/}, relative to the project; wins over retort.yaml. */
    @Parameter(property = "retort.scriptLocation")
    private String scriptLocation;

    /** The model: a schema file, {@code class:...}, or a provider's {@code scheme:location}; wins over retort.yaml. */
    @Parameter(property = "retort.targetMetadata")
    private String targetMetadata;

    @Parameter(property = "retort.versionTable")
    private String versionTable;

    /** Skips the goal. */
    @Parameter(property = "retort.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Retort (retort.skip)");
            return;
        }
        try (DriverLogging quiet = DriverLogging.quiet()) {
            run(configure().load());
        } catch (DatabaseException e) {
            throw new MojoExecutionException(mask(e.getMessage()), causeWhenDebugging(e));
        } catch (RetortException | IllegalArgumentException e) {
            throw new MojoFailureException(mask(e.getMessage()), causeWhenDebugging(e));
        }
    }

    /**
     * The goal itself.
     *
     * @throws MojoFailureException when the goal's own check fails (drift, changed files)
     */
    abstract void run(Retort retort) throws MojoFailureException;

    /** Project class path entries for {@code class:} and provider models; none by default. */
    List<String> modelClasspath() {
        return List.of();
    }

    MavenProject project() {
        return project;
    }

    /** Masks URL passwords, and literally every password configured here or in RETORT_URL / RETORT_PASSWORD. */
    String mask(String message) {
        java.util.List<String> passwords = new java.util.ArrayList<>();
        passwords.add(password);
        passwords.add(System.getenv("RETORT_PASSWORD"));
        passwords.addAll(dev.retort.core.domain.Secrets.passwordsIn(url));
        passwords.addAll(dev.retort.core.domain.Secrets.passwordsIn(System.getenv("RETORT_URL")));
        return dev.retort.core.domain.Secrets.maskAll(message == null ? "" : message, passwords);
    }

    // Maven appends every cause's message to the error line; the CLI's one line is complete, so
    // the cause (for its stack trace) is attached only with -X.
    private Throwable causeWhenDebugging(RuntimeException e) {
        return getLog().isDebugEnabled() ? e : null;
    }

    private RetortBuilder configure() throws MojoFailureException {
        Path basedir = project.getBasedir().toPath();
        RetortBuilder b = Retort.configure().baseDir(basedir).reporter(new MavenLogReporter(getLog()));
        Path file = configFile.toPath();
        if (file.toFile().isFile()) {
            b.configFile(file);
        } else if (url == null || scriptLocation == null) {
            throw new MojoFailureException("no " + basedir.relativize(file.toAbsolutePath()) + " and no <url> and <scriptLocation> in the"
                    + " plugin's configuration; create the file with `retort init <dir>`, point <configFile> at it, or configure both");
        }
        if (url != null) {
            b.url(url);
        }
        if (scriptLocation != null) {
            b.scriptLocation(scriptLocation);
        }
        if (targetMetadata != null) {
            b.targetMetadata(targetMetadata);
        }
        b.user(user).password(password).schema(schema).versionTable(versionTable);
        b.classpath(modelClasspath().stream().map(Path::of).toList());
        return b;
    }
}
