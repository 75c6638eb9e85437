package dev.retort.adapter.config;

import dev.retort.core.application.port.out.ScriptRepository;
import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.revision.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Revision files under {@code <script_location>/versions/}: every {@code *.yaml} or {@code *.yml}
 * file not starting with {@code .} or {@code _}, read in file-name order. Other files and
 * subfolders are ignored. {@link Revision#source()} is the file path as shown to the user
 * (relative to the working directory when the file lies below it).
 *
 * <p>Not thread-safe for concurrent writes of the same revision; {@link #write} never overwrites.
 */
public final class YamlScriptRepository implements ScriptRepository {
    /** Folder under the script location that holds the revision files. */
    public static final String VERSIONS = "versions";

    private final Path scriptLocation;
    private final FileTemplate template;
    private final Path workingDir;

    /**
     * @param scriptLocation the folder holding {@code versions/}
     * @param fileTemplate   Alembic-style name template, e.g. {@code %(rev)s_%(slug)s}
     * @param workingDir     paths in messages are shown relative to it
     * @throws ConfigException when the template is invalid
     */
    public YamlScriptRepository(Path scriptLocation, String fileTemplate, Path workingDir) {
        this.scriptLocation = Objects.requireNonNull(scriptLocation, "scriptLocation");
        this.template = new FileTemplate(fileTemplate == null ? FileTemplate.DEFAULT : fileTemplate);
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
    }

    /** Shows paths relative to the process's working directory. */
    public YamlScriptRepository(Path scriptLocation, String fileTemplate) {
        this(scriptLocation, fileTemplate, Path.of("").toAbsolutePath());
    }

    /** For a project's settings (script location and file template). */
    public static YamlScriptRepository from(RetortSettings settings) {
        return new YamlScriptRepository(settings.scriptLocation(), settings.fileTemplate());
    }

    /** For a project's settings, showing paths relative to {@code workingDir}. */
    public static YamlScriptRepository from(RetortSettings settings, Path workingDir) {
        return new YamlScriptRepository(settings.scriptLocation(), settings.fileTemplate(), workingDir);
    }

    /** {@code <script_location>/versions}, where revision files live. */
    public Path versionsDir() {
        return scriptLocation.resolve(VERSIONS);
    }

    /**
     * {@inheritDoc}
     *
     * @throws ConfigException when the script location does not exist, or any file is malformed
     *         (the message is {@code <file>:<line>:<column>: <problem>; expected <what>})
     */
    @Override
    public List<Revision> loadAll() {
        if (!Files.isDirectory(scriptLocation)) {
            throw new ConfigException("script_location " + display(scriptLocation) + " does not exist"
                    + "; run `retort init <dir>` or fix script_location in retort.yaml");
        }
        Path versions = versionsDir();
        if (Files.exists(versions) && !Files.isDirectory(versions)) {
            throw new ConfigException(display(versions) + " is not a folder; revision files live in the folder " + display(versions)
                    + " (move the file away and create the folder)");
        }
        if (!Files.isDirectory(versions)) {
            return List.of();
        }
        List<String> names;
        try (Stream<Path> s = Files.list(versions)) {
            // Sorted as strings: a comparator calling getFileName() allocates on every comparison.
            names = s.filter(YamlScriptRepository::isRevisionFile)
                    .map(p -> p.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new ConfigException("cannot list " + display(versions) + ": " + e.getMessage(), e);
        }
        // Every file's path as shown is the folder's as shown plus its name: work that out once.
        Path cwd = workingDir.toAbsolutePath().normalize();
        String prefix = versions.toAbsolutePath().normalize().equals(cwd) ? "" : display(versions) + versions.getFileSystem().getSeparator();
        Object[] read = new Object[names.size()];
        IntStream.range(0, read.length).parallel().forEach(k -> {
            try {
                String name = names.get(k);
                read[k] = read(new SourceFile(versions.resolve(name), prefix + name));
            } catch (RuntimeException e) {
                read[k] = e;
            }
        });
        List<Revision> out = new ArrayList<>(read.length);
        for (Object r : read) {
            if (r instanceof RuntimeException e) {
                throw e;    // the first bad file in name order, whichever thread read it
            }
            out.add((Revision) r);
        }
        return out;
    }

    /**
     * The header through {@link RevisionHeader}'s fast path when the file is laid out plainly (its
     * operations are then read on first use), else the whole file through the YAML parser.
     */
    private static Revision read(SourceFile src) {
        String text;
        try {
            text = Files.readString(src.path());
        } catch (IOException | UncheckedIOException e) {
            return RevisionYaml.read(src);    // reads again, for the usual message about the file
        }
        Revision fast = RevisionHeader.read(text, src);
        return fast != null ? fast : RevisionYaml.parse(text, src);
    }

    static boolean isRevisionFile(Path p) {
        String name = p.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("_") && (lower.endsWith(".yaml") || lower.endsWith(".yml"))
                && Files.isRegularFile(p);
    }

    /**
     * Writes {@code <versions>/<file_template>.yaml}, creating {@code versions/} when missing.
     *
     * @return the written path as shown to the user
     * @throws ConfigException when the file exists (never overwritten) or cannot be written
     */
    @Override
    public String write(Revision revision) {
        Path versions = versionsDir();
        Path file = versions.resolve(template.render(revision) + ".yaml");
        String text = RevisionYaml.render(revision);
        try {
            Files.createDirectories(versions);
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            throw new ConfigException("revision file " + display(file) + " already exists; not overwriting it"
                    + " (choose another message or --rev-id)", e);
        } catch (IOException e) {
            throw new ConfigException("cannot write " + display(file) + ": " + e.getMessage(), e);
        }
        return display(file);
    }

    private String display(Path p) {
        return SourceFile.display(p, workingDir);
    }
}
