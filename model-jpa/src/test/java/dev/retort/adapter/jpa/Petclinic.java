package dev.retort.adapter.jpa;

import com.example.petclinic.model.Owner;
import dev.retort.core.application.port.out.Reporter;
import dev.retort.core.application.port.out.TargetSchemaProvider;
import dev.retort.core.domain.revision.MigrationStep;
import dev.retort.core.domain.schema.Schema;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The examples/jpa-petclinic entities, read through the provider as the CLI reads them. */
final class Petclinic {
    static final String PACKAGE = "com.example.petclinic.model";

    private Petclinic() {
    }

    /** @return the example's classes folder (or jar), as a project's {@code classpath:} entry */
    static Path classes() {
        try {
            return Path.of(Owner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Schema read(Map<String, String> options, List<String> warnings) {
        return new JpaSchemaProvider().open(PACKAGE, context(options, warnings)).load();
    }

    static TargetSchemaProvider.Context context(Map<String, String> options, List<String> warnings) {
        return new TargetSchemaProvider.Context(Path.of("."), List.of(classes()), options, new CollectingReporter(warnings));
    }

    /** Keeps warnings; ignores progress. */
    record CollectingReporter(List<String> warnings) implements Reporter {
        CollectingReporter() {
            this(new ArrayList<>());
        }

        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void stepStarting(int index, int total, MigrationStep step) {
        }

        @Override
        public void stepFinished(int index, int total, MigrationStep step, Duration took) {
        }
    }
}
