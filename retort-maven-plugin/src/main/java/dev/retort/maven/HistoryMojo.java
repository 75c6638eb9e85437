package dev.retort.maven;

import dev.retort.api.Retort;
import dev.retort.core.application.port.in.RevisionInfo;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Logs the revisions, newest first ({@code retort history}); needs no database unless the range names {@code current}. */
@Mojo(name = "history", threadSafe = true)
public class HistoryMojo extends AbstractRetortMojo {

    /** start:end, either side may be empty; default all. */
    @Parameter(property = "retort.range")
    private String range;

    @Override
    void run(Retort retort) {
        for (RevisionInfo info : retort.history(range)) {
            getLog().info(Lines.line(info));
        }
    }
}
