package dev.retort.core.application.service;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.domain.DialectNotFoundException;
import dev.retort.core.domain.Secrets;
import java.util.List;

/** The dialects on the classpath; picks one by JDBC URL. Callers pass the providers (core never calls ServiceLoader). */
public final class DialectRegistry {
    private final java.util.function.Supplier<List<DialectProvider>> find;
    private List<DialectProvider> providers;

    public DialectRegistry(List<DialectProvider> providers) {
        List<DialectProvider> given = List.copyOf(providers);
        this.find = () -> given;
    }

    /**
     * Providers found on first use: commands that never touch a dialect (heads, history, graph)
     * skip the class-path scan (a ServiceLoader lookup is several milliseconds of a CLI run).
     */
    public DialectRegistry(java.util.function.Supplier<List<DialectProvider>> find) {
        this.find = java.util.Objects.requireNonNull(find, "find");
    }

    public synchronized List<DialectProvider> providers() {
        if (providers == null) {
            providers = List.copyOf(find.get());
        }
        return providers;
    }

    /** The providers' names, e.g. postgres, mysql, sqlite. */
    public java.util.Set<String> names() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        providers().forEach(p -> out.add(p.name()));
        return out;
    }

    /** @throws DialectNotFoundException when no provider accepts the URL */
    public DialectProvider forUrl(String url) {
        DialectProvider p = accepting(url);
        if (p != null) {
            return p;
        }
        String known = providers().isEmpty() ? "none" : String.join(", ", providers().stream().map(DialectProvider::name).toList());
        throw new DialectNotFoundException("no dialect accepts the URL " + Secrets.mask(url)
                + " (dialects on the classpath: " + known + "); use a jdbc:sqlite:, jdbc:postgresql: or jdbc:mysql: URL");
    }

    /** @see DialectProvider#exists; true when no provider accepts the URL (opening it reports that) */
    public boolean exists(ConnectionSettings settings) {
        DialectProvider p = accepting(settings.url());
        return p == null || p.exists(settings);
    }

    /** The first provider that accepts the URL, or null. */
    private DialectProvider accepting(String url) {
        for (DialectProvider p : providers()) {
            if (p.accepts(url)) {
                return p;
            }
        }
        return null;
    }

    public Dialect open(ConnectionSettings settings) {
        return forUrl(settings.url()).open(settings);
    }
}
