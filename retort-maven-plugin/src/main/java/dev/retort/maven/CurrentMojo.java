package dev.retort.maven;

import dev.retort.api.Retort;
import dev.retort.core.application.port.in.RevisionInfo;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;

/** Logs the revision(s) the database is at ({@code retort current}), e.g. {@code 2b3c4d5e6f70 (head)}. */
@Mojo(name = "current", threadSafe = true)
public class CurrentMojo extends AbstractRetortMojo {

    @Override
    void run(Retort retort) {
        List<RevisionInfo> current = retort.current();
        if (current.isEmpty()) {
            getLog().info("The database is at base: no revision applied.");
        }
        for (RevisionInfo info : current) {
            getLog().info(Lines.head(info));
        }
    }
}
