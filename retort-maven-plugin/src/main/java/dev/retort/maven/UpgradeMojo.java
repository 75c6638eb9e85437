package dev.retort.maven;

import dev.retort.api.Retort;
import dev.retort.core.application.port.in.MigrationResult;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Upgrades the database to a later revision ({@code retort upgrade}). */
@Mojo(name = "upgrade", threadSafe = true)
public class UpgradeMojo extends AbstractRetortMojo {

    /** head (default), heads, an id or prefix, label@head, +N. */
    @Parameter(property = "retort.target", defaultValue = "head")
    private String target;

    @Override
    void run(Retort retort) {
        MigrationResult r = retort.upgrade(target);
        if (!r.applied().isEmpty()) {
            getLog().info("Upgraded to " + Lines.ids(r.headsAfter()) + " (" + r.applied().size() + " revision"
                    + (r.applied().size() == 1 ? "" : "s") + ")");
        }
    }
}
