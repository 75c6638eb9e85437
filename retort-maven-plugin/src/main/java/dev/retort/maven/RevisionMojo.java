package dev.retort.maven;

import dev.retort.api.Retort;
import dev.retort.core.application.port.in.CreateRevisionCommand;
import dev.retort.core.application.port.in.CreateRevisionResult;
import dev.retort.core.domain.operation.Operation;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes a new revision file ({@code retort revision}): empty, or with {@code autogenerate} the
 * operations that make a database at head match the model. Post-write hooks are the CLI's alone.
 */
@Mojo(name = "revision", threadSafe = true, requiresDependencyResolution = ResolutionScope.COMPILE)
public class RevisionMojo extends AbstractRetortMojo {

    /** The revision's message; also its file name's slug. */
    @Parameter(property = "retort.message")
    private String message;

    /** Compare the model with the database to fill the operations. */
    @Parameter(property = "retort.autogenerate", defaultValue = "false")
    private boolean autogenerate;

    /** Where to attach: head (default), a revision, label@head, or base for a new root. */
    @Parameter(property = "retort.head")
    private String head;

    /** Allow attaching to a revision that is not a head (starts a branch). */
    @Parameter(property = "retort.splice", defaultValue = "false")
    private boolean splice;

    /** Branch labels for the new revision. */
    @Parameter(property = "retort.branchLabels")
    private List<String> branchLabels;

    /** A given id instead of a generated one. */
    @Parameter(property = "retort.revId")
    private String revId;

    @Override
    void run(Retort retort) {
        CreateRevisionResult r = retort.revision(new CreateRevisionCommand(message, autogenerate, head, splice, branchLabels, null, revId, null));
        r.warnings().forEach(w -> getLog().warn(w));
        if (r.noChanges()) {
            getLog().info("No changes detected");
            return;
        }
        for (Operation op : r.revision().upgrade()) {
            getLog().info("Detected " + op.describe());
        }
        getLog().info("Generating " + r.path() + " ...  done");
    }

    @Override
    List<String> modelClasspath() {
        return ProjectClasspath.compile(project());
    }
}
