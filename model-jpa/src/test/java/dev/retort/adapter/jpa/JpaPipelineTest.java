package dev.retort.adapter.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.in.CheckUseCase.CheckResult;
import dev.retort.core.application.port.in.CreateRevisionResult;
import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.domain.operation.CreateTable;
import dev.retort.core.domain.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The petclinic entities through Retort's unchanged pipeline on each real database: autogenerate
 * writes a revision creating every table, upgrade runs it, check then finds nothing, and
 * downgrade base removes it all again.
 */
class JpaPipelineTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sqlite", "postgres", "mysql"})
    void autogenerate_upgrade_then_check_finds_the_database_matching_the_entities(String kind) throws Exception {
        runPipeline(kind, Map.of());
    }

    @Test
    void spring_boot_naming_runs_through_the_same_pipeline() throws Exception {
        runPipeline("sqlite", Map.of("naming", "snake_case"));
    }

    private void runPipeline(String kind, Map<String, String> options) throws Exception {
        List<String> warnings = new ArrayList<>();
        TargetSchemaSource target = new JpaSchemaProvider().open(Petclinic.PACKAGE, Petclinic.context(options, warnings));
        Schema model = target.load();
        try (FreshDatabase db = FreshDatabase.of(kind, dir)) {
            Pipeline pipeline = new Pipeline(db, dir.resolve("migrations"), target);

            CreateRevisionResult revision = pipeline.autogenerateAndUpgrade("create petclinic");

            List<String> created = revision.revision().upgrade().stream().filter(CreateTable.class::isInstance)
                    .map(op -> ((CreateTable) op).definition().name()).toList();
            assertEquals(new TreeSet<>(model.tableNames()), new TreeSet<>(created));
            assertEquals(new TreeSet<>(model.tableNames()), userTables(db.inspectNormalized()));
            CheckResult check = pipeline.check();
            assertTrue(check.clean(), () -> kind + ": check after upgrade wants " + check.pending());

            pipeline.downgradeToBase();
            assertEquals(new TreeSet<>(), userTables(db.inspectNormalized()));
        }
        assertEquals(List.of(), warnings, "the petclinic entities map without warnings");
    }

    /** The inspected tables less Retort's own bookkeeping (version and history tables). */
    static TreeSet<String> userTables(Schema inspected) {
        TreeSet<String> out = new TreeSet<>(inspected.tableNames());
        out.removeIf(t -> t.equals("retort_version") || t.equals("retort_history"));
        return out;
    }
}
