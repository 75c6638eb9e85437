package dev.retort.dialect.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;

/**
 * The xerial driver copies its native library out of its jar into the temp folder at every start,
 * under a new name each time, after working out the platform (which may fork a process): about
 * 60 ms of every SQLite command of a short-lived CLI, and a stray file in /tmp whenever the JVM is
 * killed. When the host names a folder it owns in the system property {@value #DIR_PROPERTY} (the
 * {@code ./retort} launcher passes {@code cli-adapter/target/native}, beside the jar), the library
 * is copied there once per driver version and platform, and the driver is pointed at it with its
 * own {@code org.sqlite.lib.path} / {@code org.sqlite.lib.name} properties. Without the property,
 * or when anything goes wrong, the driver does what it always does (and it falls back to its own
 * copy when the library it was pointed at does not load).
 */
final class SqliteNativeLibrary {
    static final String DIR_PROPERTY = "retort.native.dir";
    private static boolean prepared;

    private SqliteNativeLibrary() {
    }

    /** Before the first connection; cheap after the first call. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank() || System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            String version = driverVersion();
            if (version == null) {
                return;
            }
            String platform = (System.getProperty("os.name") + "-" + System.getProperty("os.arch")).toLowerCase(Locale.ROOT)
                    .replaceAll("[^a-z0-9_.-]", "_");
            Path folder = Path.of(dir).resolve("sqlite-jdbc-" + version + "-" + platform);
            String name = org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
            Path lib = folder.resolve(name);
            if (!Files.isRegularFile(lib) && !copy(org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name, folder, lib)) {
                return;
            }
            System.setProperty("org.sqlite.lib.path", folder.toString());
            System.setProperty("org.sqlite.lib.name", name);
        } catch (IOException | RuntimeException | LinkageError e) {
            // the driver's own way, then
        }
    }

    private static String driverVersion() throws IOException {
        try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream("/sqlite-jdbc.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version");
            return v == null || !v.matches("[0-9A-Za-z._-]+") ? null : v;
        }
    }

    /** Copies the library from the jar through a temporary file, so that no one ever loads half a file. */
    private static boolean copy(String resource, Path folder, Path lib) throws IOException {
        try (InputStream in = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, lib.getFileName().toString(), ".tmp");
            try {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return true;
        }
    }
}
