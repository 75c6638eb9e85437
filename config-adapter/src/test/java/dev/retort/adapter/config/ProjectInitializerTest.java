package dev.retort.adapter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectInitializerTest {
    @TempDir
    Path dir;

    private final ProjectInitializer init = new ProjectInitializer();

    @Test
    void creates_a_project_that_loads_like_alembic_init() {
        List<Path> created = init.init(dir, "app/models/migrations", null);

        Path scripts = dir.resolve("app/models/migrations");
        assertEquals(List.of(dir.resolve("app"), dir.resolve("app/models"), scripts, scripts.resolve("versions"),
                scripts.resolve("versions/.gitkeep"), scripts.resolve("README.md"), dir.resolve("app/models/schema.yaml"),
                dir.resolve("retort.yaml")), created);

        RetortSettings s = new SettingsLoader(Map.of(), dir).load(dir.resolve("retort.yaml"));
        assertEquals(scripts, s.scriptLocation());
        assertEquals("jdbc:sqlite:" + dir.resolve("app.db"), s.url());
        assertEquals("app/models/schema.yaml", s.targetMetadata());
        assertEquals("retort_version", s.versionTable());
        assertEquals("%(rev)s_%(slug)s", s.fileTemplate());
        assertTrue(s.transactionPerMigration());
        assertEquals(Schema.EMPTY, TargetSchemaSources.from(s).load());
        assertEquals(List.of(), YamlScriptRepository.from(s).loadAll());
        assertEquals("jdbc:postgresql://db/app",
                new SettingsLoader(Map.of("DATABASE_URL", "jdbc:postgresql://db/app"), dir).load(dir.resolve("retort.yaml")).url());
    }

    @Test
    void init_dot_keeps_every_file_inside_the_project() throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        List<Path> created = init.init(project, ".", null);
        assertTrue(created.stream().allMatch(p -> p.startsWith(project)), created.toString());
        assertTrue(Files.exists(project.resolve("schema.yaml")));
        assertEquals(List.of("project"), Files.list(dir).map(p -> p.getFileName().toString()).toList(), "nothing written beside the project");
    }

    @Test
    void the_commented_schema_example_is_valid_when_uncommented() throws IOException {
        init.init(dir, "migrations", null);
        Path schema = dir.resolve("schema.yaml");
        String uncommented = Files.readString(schema).lines()
                .filter(l -> l.startsWith("#   ") || l.equals("# tables:"))
                .map(l -> l.substring(2))
                .reduce("", (a, b) -> a + b + "\n");
        Files.writeString(schema, uncommented);

        Schema s = new YamlSchemaSource(schema, dir).load();

        assertEquals(List.of("account", "invoice"), s.tableNames());
    }

    @Test
    void a_script_location_at_the_top_puts_schema_yaml_beside_retort_yaml() throws IOException {
        init.init(dir, "migrations", null);

        String config = Files.readString(dir.resolve("retort.yaml"));
        assertTrue(config.contains("\nscript_location: migrations\n"), config);
        assertTrue(config.contains("\ntarget_metadata: schema.yaml\n"), config);
        assertTrue(config.contains("\nurl: ${DATABASE_URL:-jdbc:sqlite:app.db}\n"), config);
        assertTrue(Files.readString(dir.resolve("migrations/README.md")).contains("script_location: migrations"));
    }

    @Test
    void a_config_file_elsewhere_gets_paths_relative_to_itself() {
        init.init(dir, "db/migrations", Path.of("config/retort.yaml"));

        RetortSettings s = new SettingsLoader(Map.of(), dir).load(dir.resolve("config/retort.yaml"));

        assertEquals(dir.resolve("db/migrations"), s.scriptLocation());
        assertEquals("../db/schema.yaml", s.targetMetadata());
        assertEquals(Schema.EMPTY, TargetSchemaSources.from(s).load());
    }

    @Test
    void refuses_when_retort_yaml_exists() throws IOException {
        Files.writeString(dir.resolve("retort.yaml"), "script_location: x\n");

        ConfigException e = assertThrows(ConfigException.class, () -> init.init(dir, "migrations", null));

        assertTrue(e.getMessage().contains("retort.yaml already exists"), e.getMessage());
        assertTrue(Files.notExists(dir.resolve("migrations")));
    }

    @Test
    void refuses_a_non_empty_script_location_but_accepts_an_empty_one() throws IOException {
        Files.createDirectories(dir.resolve("full"));
        Files.writeString(dir.resolve("full/env.py"), "");
        Files.createDirectories(dir.resolve("empty"));

        ConfigException e = assertThrows(ConfigException.class, () -> init.init(dir, "full", null));
        List<Path> created = init.init(dir, "empty", null);

        assertTrue(e.getMessage().contains("exists and is not an empty folder"), e.getMessage());
        assertEquals(dir.resolve("empty/versions"), created.get(0));
    }

    @Test
    void keeps_an_existing_schema_file() throws IOException {
        Files.writeString(dir.resolve("schema.yaml"), "tables: []  # mine\n");

        List<Path> created = init.init(dir, "migrations", null);

        assertEquals("tables: []  # mine\n", Files.readString(dir.resolve("schema.yaml")));
        assertTrue(!created.contains(dir.resolve("schema.yaml")));
    }
}
