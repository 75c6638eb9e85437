package dev.retort.maven;

import dev.retort.api.Retort;
import dev.retort.core.application.port.in.IntegrityUseCase.VerifyReport;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Fails the build when the revision graph is invalid, when an applied revision's file changed
 * since it ran (its recorded checksum differs), or when a failed step was not repaired
 * ({@code retort verify}). Changes nothing.
 */
@Mojo(name = "verify", threadSafe = true, defaultPhase = LifecyclePhase.VERIFY)
public class VerifyMojo extends AbstractRetortMojo {

    @Override
    void run(Retort retort) throws MojoFailureException {
        retort.heads();
        VerifyReport r = retort.verify();
        r.mismatches().forEach(line -> getLog().error("changed: " + line));
        r.dirty().forEach(line -> getLog().error("failed: " + line));
        if (!r.ok()) {
            throw new MojoFailureException((r.mismatches().size() + r.dirty().size()) + " problem(s) with applied revisions; restore the files,"
                    + " or after review run `retort repair --accept-checksums`; after fixing a failed step by hand run `retort repair`");
        }
        getLog().info("All " + r.applied() + " applied revision" + (r.applied() == 1 ? "" : "s") + " match their files");
    }
}
