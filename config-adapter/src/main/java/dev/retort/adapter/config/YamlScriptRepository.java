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
import java.nio.file.DirectoryStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.IntStream;
import java.util.LinkedHashMap;
import java.util.Map;

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
    private final RevisionHeaderCache cache;
    /** What the last {@link #loadAll()} cached or could cache, by file name, with the revision it made. */
    private volatile Loaded loaded;

    private record Loaded(String[] names, RevisionHeaderCache.Entry[] entries, Object[] revisions) {
    }

    /**
     * @param scriptLocation the folder holding {@code versions/}
     * @param fileTemplate   Alembic-style name template, e.g. {@code %(rev)s_%(slug)s}
     * @param workingDir     paths in messages are shown relative to it
     * @throws ConfigException when the template is invalid
     */
    public YamlScriptRepository(Path scriptLocation, String fileTemplate, Path workingDir) {
        this(scriptLocation, fileTemplate, workingDir, !"off".equalsIgnoreCase(System.getenv("RETORT_HEADER_CACHE")));
    }

    /** @param headerCache whether to keep headers in {@code <script_location>/.retort_cache/} ({@link RevisionHeaderCache}) */
    YamlScriptRepository(Path scriptLocation, String fileTemplate, Path workingDir, boolean headerCache) {
        this.scriptLocation = Objects.requireNonNull(scriptLocation, "scriptLocation");
        this.template = new FileTemplate(fileTemplate == null ? FileTemplate.DEFAULT : fileTemplate);
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
        this.cache = headerCache ? new RevisionHeaderCache(scriptLocation) : null;
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
        // The cache is read on another thread while the folder is listed; then each file gets one
        // stat (type, size, time, inode) and, unless its cached header still holds, one read: in
        // parallel, as both are mostly waiting on the file system.
        CompletableFuture<Map<String, RevisionHeaderCache.Entry>> fromCache = cache == null
                ? CompletableFuture.completedFuture(Map.of()) : CompletableFuture.supplyAsync(cache::read);
        List<String> listed = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(versions)) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (isRevisionFileName(name)) {
                    listed.add(name);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ConfigException("cannot list " + display(versions) + ": " + e.getMessage(), e);
        }
        String[] names = listed.toArray(new String[0]);
        Arrays.sort(names);
        Map<String, RevisionHeaderCache.Entry> cached = fromCache.join();
        // Every file's path as shown is the folder's as shown plus its name: work that out once.
        Path cwd = workingDir.toAbsolutePath().normalize();
        String prefix = versions.toAbsolutePath().normalize().equals(cwd) ? "" : display(versions) + versions.getFileSystem().getSeparator();
        Object[] read = new Object[names.length];
        RevisionHeaderCache.Entry[] entries = new RevisionHeaderCache.Entry[names.length];
        LongAdder hits = new LongAdder();     // files whose cached header still held
        LongAdder fresh = new LongAdder();    // headers read now that the cache can keep
        IntStream.range(0, names.length).parallel().forEach(k -> {
            String name = names[k];
            Path file = versions.resolve(name);
            try {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(file, BasicFileAttributes.class);
                } catch (NoSuchFileException e) {
                    return;    // deleted while listing, or a dangling link: not a revision file
                }
                if (!a.isRegularFile()) {
                    return;
                }
                RevisionHeaderCache.Stamp stamp = RevisionHeaderCache.Stamp.of(a);
                SourceFile src = new SourceFile(file, prefix + name);
                RevisionHeaderCache.Entry hit = cached.get(name);
                if (hit != null && hit.stamp().equals(stamp)) {
                    try {
                        read[k] = hit.revision(src);
                        entries[k] = hit;
                        hits.increment();
                        return;
                    } catch (RuntimeException e) {
                        // an entry that no longer makes a revision: read the file
                    }
                }
                String text = text(src);
                Revision fast = text == null ? null : RevisionHeader.read(text, src);
                if (fast != null) {
                    read[k] = fast;
                    entries[k] = RevisionHeaderCache.Entry.of(stamp, fast);
                    fresh.increment();
                } else {
                    // The whole file through the YAML parser; it also reports an unreadable file.
                    read[k] = text == null ? RevisionYaml.read(src) : RevisionYaml.parse(text, src);
                }
            } catch (IOException e) {
                read[k] = new ConfigException("cannot read " + display(file) + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                read[k] = e;
            }
        });
        List<Revision> out = new ArrayList<>(read.length);
        for (Object r : read) {
            if (r instanceof RuntimeException e) {
                throw e;    // the first bad file in name order, whichever thread read it
            }
            if (r != null) {
                out.add((Revision) r);
            }
        }
        // Unchanged when nothing new was read and every cached entry was used (none went stale or
        // lost its file).
        if (cache != null) {
            if (fresh.sum() > 0 || hits.sum() != cached.size()) {
                cache.write(entries(names, entries));
            }
            loaded = new Loaded(names, entries, read);
        }
        return out;
    }

    private static Map<String, RevisionHeaderCache.Entry> entries(String[] names, RevisionHeaderCache.Entry[] entries) {
        Map<String, RevisionHeaderCache.Entry> next = new LinkedHashMap<>();
        for (int k = 0; k < names.length; k++) {
            if (entries[k] != null) {
                next.put(names[k], entries[k]);
            }
        }
        return next;
    }

    /**
     * Adds the checksums worked out since {@link #loadAll()} to the header cache, and lets go of
     * that load (a long-lived Java API instance should not keep every revision read).
     */
    @Override
    public void remember() {
        Loaded l = loaded;
        loaded = null;
        if (l == null) {
            return;
        }
        RevisionHeaderCache.Entry[] next = l.entries().clone();
        boolean learned = false;
        for (int k = 0; k < next.length; k++) {
            if (next[k] != null && l.revisions()[k] instanceof Revision r) {
                String checksum = r.checksumIfKnown();
                if (checksum != null && !checksum.equals(next[k].checksum())) {
                    next[k] = next[k].withChecksum(checksum);
                    learned = true;
                }
            }
        }
        if (learned) {
            cache.write(entries(l.names(), next));
        }
    }

    /** The file's text, or null when it cannot be read (the YAML reader then says why). */
    private static String text(SourceFile src) {
        try {
            return Files.readString(src.path());
        } catch (IOException | UncheckedIOException e) {
            return null;
        }
    }

    static boolean isRevisionFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("_") && (lower.endsWith(".yaml") || lower.endsWith(".yml"));
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
