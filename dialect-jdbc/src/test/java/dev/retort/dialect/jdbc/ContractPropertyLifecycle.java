package dev.retort.dialect.jdbc;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.AroundTryHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.TryExecutionResult;
import net.jqwik.api.lifecycle.TryExecutor;
import net.jqwik.api.lifecycle.TryLifecycleContext;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * What a {@link DialectContractTest} property needs from jqwik, which runs no JUnit callbacks:
 * <ul>
 *   <li>Every non-static {@code Path} or {@code File} field annotated with JUnit's {@link TempDir}
 *       (in the test class or its superclasses) is set to a fresh directory before each try and
 *       deleted after it, so a dialect that keeps its database under a {@code @TempDir} (SQLite)
 *       works as it does in JUnit tests.</li>
 *   <li>Before the tries, one database is opened and discarded. When that aborts (the database's
 *       URL is unset, see {@link TestDatabases}) the property is reported as skipped with that
 *       reason; jqwik would otherwise count every try as rejected and fail the property.</li>
 * </ul>
 */
public final class ContractPropertyLifecycle implements AroundPropertyHook, AroundTryHook {

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) throws Throwable {
        Object instance = context.testInstance();
        if (instance instanceof DialectContractTest test) {
            List<Path> dirs = fillTempDirs(instance);
            try {
                test.probeDatabase();
            } catch (TestAbortedException e) {
                test.skipProperty(e.getMessage());
                return property.execute().mapToAborted(e);
            } finally {
                dirs.forEach(ContractPropertyLifecycle::deleteTree);
            }
        }
        return property.execute();
    }

    @Override
    public TryExecutionResult aroundTry(TryLifecycleContext context, TryExecutor aTry, List<Object> parameters) throws Throwable {
        List<Path> dirs = fillTempDirs(context.testInstance());
        try {
            return aTry.execute(parameters);
        } finally {
            dirs.forEach(ContractPropertyLifecycle::deleteTree);
        }
    }

    private static List<Path> fillTempDirs(Object instance) throws IOException, IllegalAccessException {
        List<Path> created = new ArrayList<>();
        for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!f.isAnnotationPresent(TempDir.class) || Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                Path dir = Files.createTempDirectory("retort-try");
                created.add(dir);
                f.setAccessible(true);
                f.set(instance, f.getType() == File.class ? dir.toFile() : dir);
            }
        }
        return created;
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A temporary directory left behind is not worth failing a test for.
        }
    }
}
