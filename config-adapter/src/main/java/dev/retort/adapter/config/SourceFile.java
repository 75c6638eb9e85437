package dev.retort.adapter.config;

import dev.retort.core.domain.ConfigException;
import java.nio.file.Path;

/**
 * A file being read, with the path to show the user (relative to the working directory when it
 * lies below it) and the one error format every file error uses:
 * {@code <file>:<line>:<column>: <what was wrong>; expected <what>}.
 */
record SourceFile(Path path, String display) {

    static SourceFile of(Path path, Path workingDir) {
        return new SourceFile(path, display(path, workingDir));
    }

    static String display(Path path, Path workingDir) {
        Path abs = path.toAbsolutePath().normalize();
        Path cwd = workingDir.toAbsolutePath().normalize();
        if (abs.startsWith(cwd) && !abs.equals(cwd)) {
            return cwd.relativize(abs).toString();
        }
        return abs.toString();
    }

    ConfigException error(YamlNode.Mark mark, String problem, String expected) {
        return new ConfigException(where(mark) + ": " + problem + (expected == null ? "" : "; expected " + expected));
    }

    ConfigException error(YamlNode.Mark mark, String problem, String expected, Throwable cause) {
        return new ConfigException(where(mark) + ": " + problem + (expected == null ? "" : "; expected " + expected), cause);
    }

    String where(YamlNode.Mark mark) {
        return mark == null ? display : display + ":" + mark.line() + ":" + mark.column();
    }
}
