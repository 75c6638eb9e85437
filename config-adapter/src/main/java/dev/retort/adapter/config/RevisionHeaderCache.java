package dev.retort.adapter.config;

import dev.retort.core.domain.revision.Revision;
import dev.retort.core.domain.revision.RevisionChecksum;
import dev.retort.core.domain.revision.RevisionId;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The headers of revision files as last read, so that a command that only walks the graph
 * ({@code heads}, {@code history}, {@code current}) reads one file instead of thousands, the way
 * Python keeps {@code __pycache__} for Alembic's revision modules. It lives in
 * {@code <script_location>/.retort_cache/} (with a {@code .gitignore} of {@code *}, as pytest and
 * ruff do), and is only ever a shortcut:
 * <ul>
 *   <li>an entry is used only while its file has the same size, modification time and file key
 *       (inode) as when it was read; anything else reads the file again;</li>
 *   <li>a file modified less than {@link #SETTLE} before the cache was written is not stored, so
 *       an edit that keeps size and a coarse timestamp cannot hide behind an entry (git's "racy
 *       clean" rule);</li>
 *   <li>only headers read by {@link RevisionHeader}'s plain-layout fast path are stored; the
 *       operations are read from the file when used, as without the cache;</li>
 *   <li>an entry also keeps the checksum of the file's operations once a command worked it out
 *       (upgrade, downgrade and verify check every applied revision's), so the next check of an
 *       unchanged file reads nothing; checksums count only under the same canonical form and
 *       Retort version ({@link #CHECKSUMS});</li>
 *   <li>an unreadable, foreign or damaged cache is ignored, and one that cannot be written (a
 *       read-only checkout) is not written; {@code RETORT_HEADER_CACHE=off} switches it off.</li>
 * </ul>
 */
final class RevisionHeaderCache {
    static final String FOLDER = ".retort_cache";
    static final String FILE = "revision-headers.bin";
    static final long SETTLE = TimeUnit.SECONDS.toNanos(2);
    private static final int MAGIC = 0x52544843;    // "RTHC"
    private static final int FORMAT = 2;
    /**
     * Checksums are kept under the canonical form's name and the Retort version that worked them
     * out; a cache written under another is read without its checksums.
     */
    static final String CHECKSUMS = RevisionChecksum.FORM + "@" + version();

    private static String version() {
        String v = RevisionHeaderCache.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** What a file looked like when its header was read. */
    record Stamp(long size, long modifiedNanos, String fileKey) {
        static Stamp of(BasicFileAttributes a) {
            Object key = a.fileKey();
            return new Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), key == null ? "" : key.toString());
        }
    }

    /**
     * One file's header, as {@link Revision#lazy} takes it, and the checksum of its operations
     * once a command worked it out (null before).
     */
    record Entry(Stamp stamp, String id, List<String> parents, List<String> labels, List<String> depends, String message, Instant created,
                 String checksum) {
        static Entry of(Stamp stamp, Revision r) {
            return new Entry(stamp, r.id().value(), r.downRevisions().stream().map(RevisionId::value).toList(), r.branchLabels(), r.dependsOn(),
                    r.message(), r.created(), r.checksumIfKnown());
        }

        Entry withChecksum(String c) {
            return new Entry(stamp, id, parents, labels, depends, message, created, c);
        }

        Revision revision(SourceFile src) {
            List<RevisionId> ids = switch (parents.size()) {
                case 0 -> List.of();
                case 1 -> List.of(RevisionId.of(parents.get(0)));
                default -> parents.stream().map(RevisionId::of).toList();
            };
            return RevisionHeader.lazy(RevisionId.of(id), ids, labels, depends, message, created, src, checksum);
        }
    }

    private final Path file;

    /** @param scriptLocation the folder that holds {@code versions/} */
    RevisionHeaderCache(Path scriptLocation) {
        this.file = scriptLocation.resolve(FOLDER).resolve(FILE);
    }

    /** The stored entries by file name; empty when there is no usable cache. */
    Map<String, Entry> read() {
        Map<String, Entry> out = new HashMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return Map.of();
            }
            boolean checksums = in.readUTF().equals(CHECKSUMS);
            int count = in.readInt();
            for (int k = 0; k < count; k++) {
                String name = in.readUTF();
                Stamp stamp = new Stamp(in.readLong(), in.readLong(), in.readUTF());
                String id = in.readUTF();
                List<String> parents = strings(in);
                List<String> labels = strings(in);
                List<String> depends = strings(in);
                String message = in.readUTF();
                Instant created = in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
                String checksum = in.readBoolean() ? in.readUTF() : null;
                out.put(name, new Entry(stamp, id, parents, labels, depends, message, created, checksums ? checksum : null));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            return Map.of();    // none yet, damaged, or from another version: read the files, write a new one
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 16) {
            throw new IOException("bad list length " + n);
        }
        if (n == 0) {
            return List.of();
        }
        if (n == 1) {
            return List.of(in.readUTF());
        }
        List<String> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            out.add(in.readUTF());
        }
        return List.copyOf(out);
    }

    /**
     * Replaces the cache with {@code entries} (by file name, in the order given), leaving out
     * files modified within {@link #SETTLE} of now. Never throws: a cache that cannot be written
     * is simply not there next time.
     */
    void write(Map<String, Entry> entries) {
        long settled = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis()) - SETTLE;
        List<Map.Entry<String, Entry>> kept = new ArrayList<>(entries.size());
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (e.getValue().stamp().modifiedNanos() < settled) {
                kept.add(e);
            }
        }
        if (kept.isEmpty() && !Files.exists(file)) {
            return;
        }
        Path folder = file.getParent();
        Path tmp = folder.resolve(FILE + "." + ProcessHandle.current().pid() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                Files.writeString(folder.resolve(".gitignore"), "# Written by Retort: a cache of revision file headers, safe to delete.\n*\n",
                        StandardCharsets.UTF_8);
            }
            try (OutputStream os = Files.newOutputStream(tmp); DataOutputStream out = new DataOutputStream(new BufferedOutputStream(os, 1 << 16))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(CHECKSUMS);
                out.writeInt(kept.size());
                for (Map.Entry<String, Entry> e : kept) {
                    Entry v = e.getValue();
                    out.writeUTF(e.getKey());
                    out.writeLong(v.stamp().size());
                    out.writeLong(v.stamp().modifiedNanos());
                    out.writeUTF(v.stamp().fileKey());
                    out.writeUTF(v.id());
                    strings(out, v.parents());
                    strings(out, v.labels());
                    strings(out, v.depends());
                    out.writeUTF(v.message());
                    out.writeBoolean(v.created() != null);
                    if (v.created() != null) {
                        out.writeLong(v.created().getEpochSecond());
                        out.writeInt(v.created().getNano());
                    }
                    out.writeBoolean(v.checksum() != null);
                    if (v.checksum() != null) {
                        out.writeUTF(v.checksum());
                    }
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);    // also a message over 64 KB (UTFDataFormatException): not worth a format of its own
        }
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException | RuntimeException ignored) {
            // nothing to clean up then
        }
    }
}
