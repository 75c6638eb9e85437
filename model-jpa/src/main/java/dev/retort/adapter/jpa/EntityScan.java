package dev.retort.adapter.jpa;

import dev.retort.core.domain.ConfigException;
import io.github.classgraph.AnnotationInfo;
import io.github.classgraph.AnnotationInfoList;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.FieldInfo;
import io.github.classgraph.MethodInfoList;
import io.github.classgraph.ScanResult;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The project's classes: a class loader over its {@code classpath:} entries (with Retort's own
 * jakarta.persistence as parent, so annotations are the types Retort reads), and a ClassGraph scan
 * of the given packages that finds the entities and reads annotations from the class files,
 * including those whose classes are not on the class path (Hibernate's own, Bean Validation).
 * Close it when the model is read.
 */
final class EntityScan implements AutoCloseable {
    private final URLClassLoader loader;
    private final ScanResult scan;
    private final List<String> packages;
    private final List<Path> classpath;

    private EntityScan(URLClassLoader loader, ScanResult scan, List<String> packages, List<Path> classpath) {
        this.loader = loader;
        this.scan = scan;
        this.packages = packages;
        this.classpath = classpath;
    }

    /** @throws ConfigException when a class path entry is missing */
    static EntityScan open(List<String> packages, List<Path> classpath) {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            Path p = classpath.get(i);
            if (!Files.exists(p)) {
                throw new ConfigException("target_metadata jpa: classpath entry " + p + " does not exist; build the project first "
                        + "(e.g. mvn compile), or fix classpath: in retort.yaml");
            }
            try {
                urls[i] = p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new ConfigException("target_metadata jpa: classpath entry " + p + " is not a usable path", e);
            }
        }
        URLClassLoader loader = new URLClassLoader(urls, EntityScan.class.getClassLoader());
        ScanResult scan = new ClassGraph()
                .overrideClassLoaders(loader)
                .ignoreParentClassLoaders()
                .acceptPackages(packages.toArray(String[]::new))
                .enableClassInfo().enableFieldInfo().enableMethodInfo().enableAnnotationInfo()
                .ignoreClassVisibility().ignoreFieldVisibility().ignoreMethodVisibility()
                .scan();
        return new EntityScan(loader, scan, packages, classpath);
    }

    /**
     * @return the {@code @Entity} classes in the packages, by name
     * @throws ConfigException when there are none, or one cannot be loaded
     */
    List<Class<?>> entities() {
        List<Class<?>> out = new ArrayList<>();
        for (ClassInfo info : scan.getClassesWithAnnotation(jakarta.persistence.Entity.class.getName())) {
            out.add(load(info.getName()));
        }
        if (out.isEmpty()) {
            boolean javax = !scan.getClassesWithAnnotation("javax.persistence.Entity").isEmpty();
            throw new ConfigException("target_metadata jpa:" + String.join(",", packages) + ": no @Entity classes in "
                    + (packages.size() == 1 ? "package " : "packages ") + String.join(", ", packages) + " on classpath " + classpath
                    + (javax ? "; the classes there use javax.persistence (JPA 2), and Retort reads jakarta.persistence (JPA 3)"
                    : "; check the package names and build the project first"));
        }
        return out;
    }

    /** @return the {@code @Converter(autoApply = true)} classes in the packages */
    List<Class<?>> autoAppliedConverters() {
        List<Class<?>> out = new ArrayList<>();
        for (ClassInfo info : scan.getClassesWithAnnotation(jakarta.persistence.Converter.class.getName())) {
            Class<?> c = load(info.getName());
            jakarta.persistence.Converter converter = c.getAnnotation(jakarta.persistence.Converter.class);
            if (converter != null && converter.autoApply()) {
                out.add(c);
            }
        }
        return out;
    }

    Class<?> load(String name) {
        try {
            Class<?> c = Class.forName(name, false, loader);
            // Reflection below resolves field and method types; fail here, naming the class.
            c.getDeclaredFields();
            c.getDeclaredMethods();
            return c;
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigException("target_metadata jpa: class " + name + " cannot be loaded from classpath " + classpath + ": " + e
                    + "; add the jars it needs (its dependencies) to classpath: in retort.yaml", e);
        }
    }

    /**
     * Annotations on an attribute that are not jakarta.persistence ones, read from the class file
     * (so also when their classes are absent): annotation class name to its parameter values.
     * Empty when the class lies outside the scanned packages.
     */
    Map<String, Map<String, Object>> foreignAnnotations(Attribute a) {
        ClassInfo info = scan.getClassInfo(a.declaringClass().getName());
        if (info == null) {
            return Map.of();
        }
        AnnotationInfoList list;
        if (a.field()) {
            FieldInfo f = info.getDeclaredFieldInfo(a.memberName());
            list = f == null ? null : f.getAnnotationInfo();
        } else {
            MethodInfoList methods = info.getDeclaredMethodInfo(a.memberName());
            list = methods.isEmpty() ? null : methods.get(0).getAnnotationInfo();
        }
        if (list == null) {
            return Map.of();
        }
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (AnnotationInfo ai : list) {
            if (!ai.getName().startsWith("jakarta.persistence.")) {
                Map<String, Object> values = new HashMap<>();
                ai.getParameterValues().forEach(v -> values.put(v.getName(), v.getValue()));
                out.put(ai.getName(), values);
            }
        }
        return out;
    }

    @Override
    public void close() {
        scan.close();
        try {
            loader.close();
        } catch (IOException e) {
            // The model is read; a jar that does not close only keeps a file handle until exit.
        }
    }
}
