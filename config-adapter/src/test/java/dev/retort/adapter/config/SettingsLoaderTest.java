package dev.retort.adapter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.domain.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path cwd;

    private Path project() throws IOException {
        return Files.createDirectories(cwd.resolve("proj"));
    }

    private Path config(String text) throws IOException {
        return Files.writeString(project().resolve("retort.yaml"), text);
    }

    private RetortSettings load(Map<String, String> env, SettingsOverrides overrides) {
        return new SettingsLoader(env, cwd).load(Path.of("proj/retort.yaml"), overrides);
    }

    private ConfigException failure(String text, Map<String, String> env) throws IOException {
        config(text);
        return assertThrows(ConfigException.class, () -> load(env, SettingsOverrides.NONE));
    }

    @Test
    void reads_every_key_and_resolves_paths_against_the_config_folder() throws IOException {
        config("""
                script_location: app/models/migrations
                url: jdbc:postgresql://db:5432/app
                user: app
                password: s3cret
                schema: billing
                target_metadata: app/models/schema.yaml
                version_table: my_versions
                file_template: "%(year)d_%(rev)s_%(slug)s"
                transaction_per_migration: false
                classpath: [lib/models.jar, build/classes]
                """);

        RetortSettings s = load(Map.of(), SettingsOverrides.NONE);

        Path proj = cwd.resolve("proj");
        assertEquals(proj.resolve("retort.yaml"), s.configFile());
        assertEquals(proj, s.projectDir());
        assertEquals(proj.resolve("app/models/migrations"), s.scriptLocation());
        assertEquals(proj.resolve("app/models/migrations/versions"), s.versionsDir());
        assertEquals("jdbc:postgresql://db:5432/app", s.url());
        assertEquals("app", s.user());
        assertEquals("s3cret", s.password());
        assertEquals("billing", s.schema());
        assertEquals("app/models/schema.yaml", s.targetMetadata());
        assertEquals("my_versions", s.versionTable());
        assertEquals("%(year)d_%(rev)s_%(slug)s", s.fileTemplate());
        assertFalse(s.transactionPerMigration());
        assertEquals(List.of(proj.resolve("lib/models.jar"), proj.resolve("build/classes")), s.classpath());
        assertEquals(new ConnectionSettings("jdbc:postgresql://db:5432/app", "app", "s3cret", "billing", "my_versions"),
                s.connectionSettings());
    }

    @Test
    void applies_defaults_for_everything_but_script_location() throws IOException {
        config("script_location: migrations\n");

        RetortSettings s = load(Map.of(), SettingsOverrides.NONE);

        assertEquals("jdbc:sqlite:" + cwd.resolve("proj/retort.db"), s.url(), "the default database sits beside retort.yaml");
        assertNull(s.user());
        assertNull(s.password());
        assertNull(s.schema());
        assertNull(s.targetMetadata());
        assertEquals("retort_version", s.versionTable());
        assertEquals("%(rev)s_%(slug)s", s.fileTemplate());
        assertTrue(s.transactionPerMigration());
        assertEquals(List.of(), s.classpath());
    }

    @Test
    void a_missing_file_says_how_to_create_one() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> new SettingsLoader(Map.of(), cwd).load(Path.of("nowhere/retort.yaml")));

        assertEquals("config file nowhere/retort.yaml not found; run `retort init <dir>` to create a project, or pass -c <file>", e.getMessage());
    }

    @Test
    void interpolates_variables_defaults_and_escapes() throws IOException {
        config("""
                script_location: ${MIGRATIONS:-migrations}
                url: jdbc:postgresql://${DB_HOST}:${DB_PORT:-5432}/app
                user: ${DB_USER:-}
                password: $${NOT_A_VAR}
                schema: ${EMPTY:-public}
                transaction_per_migration: ${TX:-true}
                """);

        RetortSettings s = load(Map.of("DB_HOST", "db.internal", "EMPTY", "", "TX", "false"), SettingsOverrides.NONE);

        assertEquals(cwd.resolve("proj/migrations"), s.scriptLocation());
        assertEquals("jdbc:postgresql://db.internal:5432/app", s.url());
        assertNull(s.user(), "an empty value counts as unset");
        assertEquals("${NOT_A_VAR}", s.password());
        assertEquals("public", s.schema(), ":- also applies when the variable is empty");
        assertFalse(s.transactionPerMigration());
    }

    @Test
    void an_unset_variable_without_default_names_file_line_and_variable() throws IOException {
        ConfigException e = failure("script_location: m\n\nurl: ${DATABASE_URL}\n", Map.of());

        assertEquals("proj/retort.yaml:3:6: url uses environment variable DATABASE_URL, which is not set"
                + "; expected it to be set, or a default as in ${DATABASE_URL:-value}", e.getMessage());
    }

    @Test
    void a_malformed_reference_is_reported_without_echoing_the_value() throws IOException {
        ConfigException unterminated = failure("script_location: m\npassword: hunter2${OOPS\n", Map.of());
        ConfigException badName = failure("script_location: m\nurl: ${1X}\n", Map.of());

        assertTrue(unterminated.getMessage().startsWith("proj/retort.yaml:2:11: password has an unterminated '${'"), unterminated.getMessage());
        assertFalse(unterminated.getMessage().contains("hunter2"));
        assertTrue(badName.getMessage().contains("'${1X}', which is not a variable name"), badName.getMessage());
    }

    @Test
    void command_line_beats_environment_beats_file() throws IOException {
        config("""
                script_location: from_file
                url: jdbc:postgresql://file/db
                user: file_user
                password: file_pw
                schema: file_schema
                version_table: file_versions
                """);
        Map<String, String> env = Map.of("RETORT_URL", "jdbc:postgresql://env/db", "RETORT_USER", "env_user",
                "RETORT_PASSWORD", "env_pw", "RETORT_SCHEMA", "env_schema", "RETORT_SCRIPT_LOCATION", "from_env",
                "RETORT_VERSION_TABLE", "env_versions");

        RetortSettings fromEnv = load(env, SettingsOverrides.NONE);
        RetortSettings fromCli = load(env, new SettingsOverrides("from_cli", "jdbc:postgresql://cli/db", "cli_user", "cli_pw",
                "cli_schema", "cli_schema.yaml", "cli_versions"));

        assertEquals(new ConnectionSettings("jdbc:postgresql://env/db", "env_user", "env_pw", "env_schema", "env_versions"),
                fromEnv.connectionSettings());
        assertEquals(cwd.resolve("proj/from_env"), fromEnv.scriptLocation());
        assertEquals(new ConnectionSettings("jdbc:postgresql://cli/db", "cli_user", "cli_pw", "cli_schema", "cli_versions"),
                fromCli.connectionSettings());
        assertEquals(cwd.resolve("proj/from_cli"), fromCli.scriptLocation());
        assertEquals("cli_schema.yaml", fromCli.targetMetadata());
    }

    @Test
    void a_replaced_file_value_needs_no_variables() throws IOException {
        config("script_location: m\nurl: ${DATABASE_URL}\n");

        RetortSettings s = load(Map.of("RETORT_URL", "jdbc:sqlite::memory:"), SettingsOverrides.NONE);

        assertEquals("jdbc:sqlite::memory:", s.url());
    }

    @Test
    void relative_sqlite_files_resolve_against_the_project_folder() throws IOException {
        config("script_location: m\nurl: jdbc:sqlite:data/app.db?journal_mode=WAL\n");
        Path proj = cwd.resolve("proj");

        assertEquals("jdbc:sqlite:" + proj.resolve("data/app.db") + "?journal_mode=WAL", load(Map.of(), SettingsOverrides.NONE).url());
        assertEquals("jdbc:sqlite:" + proj.resolve("x.db"), load(Map.of(), SettingsOverrides.url("jdbc:sqlite:./x.db")).url());
        assertEquals("jdbc:sqlite:/var/db/app.db", load(Map.of(), SettingsOverrides.url("jdbc:sqlite:/var/db/app.db")).url());
        assertEquals("jdbc:sqlite::memory:", load(Map.of(), SettingsOverrides.url("jdbc:sqlite::memory:")).url());
        assertEquals("jdbc:sqlite:file:app.db?mode=memory", load(Map.of(), SettingsOverrides.url("jdbc:sqlite:file:app.db?mode=memory")).url());
    }

    @Test
    void an_unknown_key_lists_the_valid_ones() throws IOException {
        ConfigException e = failure("script_location: m\nurll: jdbc:sqlite:x.db\n", Map.of());

        assertEquals("proj/retort.yaml:2:1: unknown key 'urll' in the settings (did you mean 'url'?); expected one of: "
                + "script_location, url, user, password, schema, target_metadata, version_table, file_template, "
                + "transaction_per_migration, classpath, include_tables, exclude_tables, target_options, hooks, history_table, lock_timeout", e.getMessage());
    }

    @Test
    void wrong_types_name_the_line_and_what_was_expected() throws IOException {
        ConfigException list = failure("script_location: m\nurl: [a, b]\n", Map.of());
        ConfigException bool = failure("script_location: m\ntransaction_per_migration: sometimes\n", Map.of());
        ConfigException classpath = failure("script_location: m\nclasspath: {a: b}\n", Map.of());
        ConfigException template = failure("script_location: m\nfile_template: \"%(rev)s_%(msg)s\"\n", Map.of());
        ConfigException noScripts = failure("url: jdbc:sqlite:x.db\n", Map.of());
        ConfigException notYaml = failure("script_location: [m\n", Map.of());

        assertEquals("proj/retort.yaml:2:6: url is a list; expected a JDBC URL", list.getMessage());
        assertEquals("proj/retort.yaml:2:28: transaction_per_migration is the text 'sometimes'; expected true or false", bool.getMessage());
        assertEquals("proj/retort.yaml:2:12: classpath is a mapping; expected a list of jar files or folders", classpath.getMessage());
        assertTrue(template.getMessage().startsWith("proj/retort.yaml:2:16: file_template '%(rev)s_%(msg)s' uses unknown token %(msg)s"),
                template.getMessage());
        assertTrue(noScripts.getMessage().startsWith("proj/retort.yaml:1:1: script_location is not set; expected script_location:"),
                noScripts.getMessage());
        assertTrue(notYaml.getMessage().startsWith("proj/retort.yaml:2:1: invalid YAML"), notYaml.getMessage());
    }

    @Test
    void to_string_never_shows_the_password() throws IOException {
        config("script_location: m\nurl: jdbc:postgresql://app:hunter2@db/app?password=hunter2\npassword: hunter2\n");

        RetortSettings s = load(Map.of(), SettingsOverrides.NONE);

        assertFalse(s.toString().contains("hunter2"), s.toString());
        assertTrue(s.toString().contains("password=***"), s.toString());
        assertFalse(s.maskedUrl().contains("hunter2"));
        assertFalse(s.connectionSettings().toString().contains("hunter2"));
        assertFalse(new SettingsOverrides(null, null, null, "hunter2", null, null, null).toString().contains("hunter2"));
    }

    @Test
    void an_absolute_config_path_works_from_any_working_directory() throws IOException {
        Path file = config("script_location: m\n");
        Path elsewhere = Files.createDirectories(cwd.resolve("elsewhere"));

        RetortSettings s = new SettingsLoader(Map.of(), elsewhere).load(file);

        assertEquals(cwd.resolve("proj/m"), s.scriptLocation());
        assertEquals("jdbc:sqlite:" + cwd.resolve("proj/retort.db"), s.url());
    }
}
