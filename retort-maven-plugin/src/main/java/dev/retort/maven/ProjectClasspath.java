package dev.retort.maven;

import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.project.MavenProject;

/** The project's compiled classes and compile dependencies, for {@code class:} and provider models. */
final class ProjectClasspath {
    private ProjectClasspath() {
    }

    static List<String> compile(MavenProject project) {
        try {
            return List.copyOf(project.getCompileClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            // Only when the goal did not ask for resolution; a model then sees retort.yaml's classpath: alone.
            return List.of();
        }
    }
}
