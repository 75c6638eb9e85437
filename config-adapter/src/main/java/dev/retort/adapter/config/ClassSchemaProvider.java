package dev.retort.adapter.config;

import dev.retort.core.application.port.out.TargetSchemaProvider;
import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.schema.Schema;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code target_metadata: class:com.example.AppSchema}: a class with a public no-argument
 * constructor implementing {@link TargetSchemaSource}, found on the project's {@code classpath:}
 * entries (jars or class folders) or Retort's own class path.
 */
public final class ClassSchemaProvider implements TargetSchemaProvider {

    @Override
    public String scheme() {
        return "class";
    }

    @Override
    public TargetSchemaSource open(String location, Context context) {
        String className = location.strip();
        return () -> load(className, context);
    }

    private static Schema load(String className, Context context) {
        URL[] urls = new URL[context.classpath().size()];
        for (int i = 0; i < urls.length; i++) {
            Path p = context.classpath().get(i);
            if (!Files.exists(p)) {
                throw new ConfigException("classpath entry " + p + " does not exist; build the project first, or fix classpath: in retort.yaml");
            }
            try {
                urls[i] = p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new ConfigException("classpath entry " + p + " is not a usable path", e);
            }
        }
        ClassLoader loader = new URLClassLoader(urls, ClassSchemaProvider.class.getClassLoader());
        Class<?> type;
        try {
            type = Class.forName(className, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ConfigException("target_metadata class:" + className + ": class not found on " + context.classpath()
                    + "; add its jar or classes folder to classpath: in retort.yaml", e);
        }
        if (!TargetSchemaSource.class.isAssignableFrom(type)) {
            throw new ConfigException("target_metadata class:" + className + " does not implement " + TargetSchemaSource.class.getName()
                    + "; implement it (one method: Schema load())");
        }
        try {
            TargetSchemaSource source = (TargetSchemaSource) type.getDeclaredConstructor().newInstance();
            Schema schema = source.load();
            if (schema == null) {
                throw new ConfigException("target_metadata class:" + className + " returned no schema (null)");
            }
            return schema;
        } catch (NoSuchMethodException e) {
            throw new ConfigException("target_metadata class:" + className + " needs a public no-argument constructor", e);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new ConfigException("target_metadata class:" + className + " cannot be created: " + e.getMessage(), e);
        } catch (InvocationTargetException e) {
            throw new ConfigException("target_metadata class:" + className + " failed: " + e.getCause(), e.getCause());
        }
    }
}
