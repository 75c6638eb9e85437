package dev.retort.adapter.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves the file of a {@code jdbc:sqlite:} URL against the project folder, so
 * {@code retort -c other/retort.yaml} finds the same database from any working directory.
 * In-memory, resource and {@code file:} URI forms are left alone.
 */
final class SqliteUrls {
    private static final String PREFIX = "jdbc:sqlite:";

    private SqliteUrls() {
    }

    static String resolve(String url, Path projectDir) {
        if (url == null || !url.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return url;
        }
        String rest = url.substring(PREFIX.length());
        if (rest.isEmpty() || rest.startsWith(":") || rest.startsWith("file:")) {
            return url;
        }
        int q = rest.indexOf('?');
        String file = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q);
        try {
            Path p = Path.of(file);
            if (p.isAbsolute()) {
                return url;
            }
            return url.substring(0, PREFIX.length()) + projectDir.resolve(p).normalize() + query;
        } catch (InvalidPathException e) {
            return url;
        }
    }
}
