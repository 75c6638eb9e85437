package dev.retort.maven;

import dev.retort.api.Retort;
import dev.retort.core.application.port.in.MigrationResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Reverts the database to an earlier revision ({@code retort downgrade}); the target has no default. */
@Mojo(name = "downgrade", threadSafe = true)
public class DowngradeMojo extends AbstractRetortMojo {

    /** -1, base, an id or prefix, label@base. */
    @Parameter(property = "retort.target")
    private String target;

    @Override
    void run(Retort retort) {
        MigrationResult r = retort.downgrade(target);
        if (!r.applied().isEmpty()) {
            getLog().info("Downgraded to " + Lines.ids(r.headsAfter()) + " (" + r.applied().size() + " revision"
                    + (r.applied().size() == 1 ? "" : "s") + ")");
        }
    }
}
