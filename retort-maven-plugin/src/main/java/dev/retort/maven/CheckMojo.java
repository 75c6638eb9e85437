package dev.retort.maven;

import dev.retort.api.Retort;
import dev.retort.core.application.port.in.CheckUseCase.CheckResult;
import dev.retort.core.domain.operation.Operation;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when the model ({@code target_metadata}) and a database at head differ, that is
 * when {@code revision --autogenerate} would write operations ({@code retort check}). The
 * project's compile class path is available to {@code class:} and provider models.
 */
@Mojo(name = "check", threadSafe = true, defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE)
public class CheckMojo extends AbstractRetortMojo {

    @Override
    void run(Retort retort) throws MojoFailureException {
        CheckResult r = retort.check();
        for (Operation op : r.pending()) {
            getLog().warn("pending: " + op.describe());
        }
        r.destructive().forEach(d -> getLog().warn("destructive: " + d));
        r.hints().forEach(h -> getLog().info("hint: " + h));
        if (!r.clean()) {
            throw new MojoFailureException(r.pending().size() + " pending operation" + (r.pending().size() == 1 ? "" : "s")
                    + ": the model differs from the database; write them with `mvn retort:revision -Dretort.autogenerate"
                    + " -Dretort.message=\"...\"`");
        }
        getLog().info("No changes detected: the database matches the model");
    }

    @Override
    List<String> modelClasspath() {
        return ProjectClasspath.compile(project());
    }
}
