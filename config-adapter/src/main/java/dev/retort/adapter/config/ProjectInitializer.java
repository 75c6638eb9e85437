package dev.retort.adapter.config;

import dev.retort.core.domain.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code retort init}: writes a commented {@code retort.yaml}, the script location with
 * {@code versions/} and a README, and a {@code schema.yaml} stub beside the script location.
 * Refuses, like {@code alembic init}, when retort.yaml exists or the script location is a
 * non-empty folder. An existing schema.yaml is kept as it is.
 */
public final class ProjectInitializer {

    /**
     * @param projectDir     folder the project lives in; a relative {@code scriptLocation} is below it
     * @param scriptLocation folder for revisions, e.g. {@code app/models/migrations}
     * @param configFile     where to write retort.yaml, or null for {@code <projectDir>/retort.yaml}
     * @return every file and folder created, in creation order
     * @throws ConfigException when retort.yaml exists, the script location is not empty, or a
     *         file cannot be written
     */
    public List<Path> init(Path projectDir, String scriptLocation, Path configFile) {
        if (scriptLocation == null || scriptLocation.isBlank()) {
            throw new ConfigException("init needs a script location, e.g. `retort init migrations`");
        }
        Path project = projectDir.toAbsolutePath().normalize();
        Path config = (configFile == null ? project.resolve("retort.yaml") : project.resolve(configFile)).toAbsolutePath().normalize();
        Path scripts = project.resolve(scriptLocation).normalize();
        // Beside the script location, but never outside the project (`retort init .` keeps it in the project).
        Path schemaBase = scripts.getParent() == null || !scripts.getParent().startsWith(project) ? project : scripts.getParent();
        Path schemaFile = schemaBase.resolve("schema.yaml");
        if (Files.exists(config)) {
            throw new ConfigException(config + " already exists; not overwriting it (edit it, or pass -c for another file)");
        }
        if (Files.exists(scripts) && !isEmptyDirectory(scripts)) {
            throw new ConfigException("script location " + scripts + " exists and is not an empty folder"
                    + "; expected a new or empty folder (like `alembic init`)");
        }
        Path configDir = config.getParent();
        List<Path> created = new ArrayList<>();
        try {
            createDirectories(configDir, created);
            createDirectories(scripts.resolve(YamlScriptRepository.VERSIONS), created);
            write(scripts.resolve(YamlScriptRepository.VERSIONS).resolve(".gitkeep"), "", created);
            write(scripts.resolve("README.md"), readme(relative(configDir, scripts)), created);
            if (!Files.exists(schemaFile)) {
                createDirectories(schemaFile.getParent(), created);
                write(schemaFile, SCHEMA_STUB, created);
            }
            write(config, config(relative(configDir, scripts), relative(configDir, schemaFile)), created);
        } catch (IOException e) {
            throw new ConfigException("cannot initialize " + project + ": " + e.getMessage(), e);
        }
        return List.copyOf(created);
    }

    private static boolean isEmptyDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void createDirectories(Path dir, List<Path> created) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        Files.createDirectories(dir);
        created.addAll(missing);
    }

    private static void write(Path file, String text, List<Path> created) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        created.add(file);
    }

    /** The path as written in retort.yaml: relative to its folder, with '/', so the project can move. */
    private static String relative(Path configDir, Path target) {
        Path p;
        try {
            p = configDir.relativize(target);
        } catch (IllegalArgumentException e) {
            p = target;
        }
        String s = p.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    private static String config(String scriptLocation, String schemaFile) {
        return """
                # Retort project settings (the counterpart of alembic.ini).
                # Relative paths are relative to the folder holding this file.
                # Any value may use ${VAR} or ${VAR:-default} from the environment; $${...} is a literal ${...}.
                # Command-line flags override RETORT_URL, RETORT_USER, RETORT_PASSWORD, RETORT_SCHEMA,
                # RETORT_SCRIPT_LOCATION and RETORT_VERSION_TABLE, which override this file.

                # Folder with versions/, one YAML file per revision.
                script_location: %s

                # JDBC URL of the database. A relative SQLite file is relative to this file's folder.
                url: ${DATABASE_URL:-jdbc:sqlite:app.db}
                # user: ${DATABASE_USER}
                # password: ${DATABASE_PASSWORD}     # never printed
                # schema: public                     # schema to work in (PostgreSQL)

                # The schema the application wants; `retort revision --autogenerate` compares the database with it.
                target_metadata: %s

                # Table recording which revisions are applied.
                version_table: retort_version

                # Revision file names: %%(rev)s is the id, %%(slug)s the message in lowercase_with_underscores.
                file_template: "%%(rev)s_%%(slug)s"

                # Run each revision in its own transaction (on databases with transactional DDL).
                transaction_per_migration: true

                # Tables autogenerate and `retort check` compare (glob patterns); the version table is never compared.
                # include_tables: [app_*]
                # exclude_tables: [tmp_*, spatial_ref_sys]

                # Commands run on every new revision file; REVISION_SCRIPT_FILENAME is its path.
                # hooks:
                #   - {name: stage, command: [git, add, REVISION_SCRIPT_FILENAME]}
                """.formatted(YamlText.block(scriptLocation), YamlText.block(schemaFile));
    }

    private static String readme(String scriptLocation) {
        return """
                # Retort migrations

                This folder (`script_location: %s` in retort.yaml) holds the database migrations.

                - `versions/` has one YAML file per revision: `revision`, `down_revision`, a `message`,
                  and the `upgrade` and `downgrade` operations.
                - `retort revision -m "add invoice"` writes an empty revision; add `--autogenerate` to fill it
                  from the difference between the database and `target_metadata`.
                - `retort upgrade head` applies every pending revision; `retort history` lists them.

                Edit revision files freely before they are applied; after that, add a new revision instead.
                """.formatted(scriptLocation);
    }

    private static final String SCHEMA_STUB = """
            # The schema the application wants (target_metadata in retort.yaml).
            # `retort revision --autogenerate` compares the database with it and writes the difference.
            # Columns are nullable unless `nullable: false` or part of the primary key; a default is
            # SQL text, so a string literal keeps its quotes: default: "'new'".
            #
            # tables:
            #   - name: account
            #     columns:
            #       - {name: id, type: bigint, primary_key: true, autoincrement: true}
            #       - {name: email, type: "varchar(255)", nullable: false, unique: true}
            #       - {name: created_at, type: timestamp, nullable: false, default: CURRENT_TIMESTAMP}
            #     indexes:
            #       - {name: ix_account_created_at, columns: [created_at]}
            #   - name: invoice
            #     columns:
            #       - {name: id, type: bigint, primary_key: true, autoincrement: true}
            #       - {name: account_id, type: bigint, nullable: false}
            #       - {name: total, type: "decimal(12,2)", nullable: false, default: 0}
            #     foreign_keys:
            #       - {columns: [account_id], references: account(id), on_delete: cascade}
            tables: []
            """;
}
