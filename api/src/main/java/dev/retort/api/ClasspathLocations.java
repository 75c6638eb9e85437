package dev.retort.api;

import dev.retort.core.domain.ConfigException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code classpath:} locations as {@link Path}s: a folder on disk for {@code file:} resources, a
 * path inside a zip file system for resources in a plain jar. A jar's file system stays open for
 * the life of the JVM (the class loader holds the jar open anyway). Resources inside a jar nested
 * in another jar (Spring Boot's executable jars) are not supported.
 */
final class ClasspathLocations {
    static final String PREFIX = "classpath:";

    private ClasspathLocations() {
    }

    static boolean isClasspath(String location) {
        return location != null && location.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
    }

    /**
     * @throws ConfigException when the resource is not on the class path or is not in a folder or plain jar
     */
    static Path resolve(String location, ClassLoader loader) {
        String name = location.substring(PREFIX.length()).strip();
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        URL url = loader.getResource(name);
        if (url == null) {
            throw new ConfigException(location + " is not on the class path; put it under src/main/resources/" + name
                    + " or give a folder instead");
        }
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            if ("jar".equals(uri.getScheme()) && uri.toString().indexOf("!/") == uri.toString().lastIndexOf("!/")) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // Opened by an earlier lookup; Path.of finds it.
                }
                return Path.of(uri);
            }
        } catch (URISyntaxException | IOException | FileSystemNotFoundException | IllegalArgumentException e) {
            throw new ConfigException(location + " (" + url + ") cannot be read: " + e.getMessage(), e);
        }
        throw new ConfigException(location + " is at " + url + ", which Retort cannot list (only folders and plain jars);"
                + " copy the files to a folder and give its path");
    }
}
