package dev.retort.core.application.service;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.domain.DialectNotFoundException;
import dev.retort.core.domain.Secrets;
import java.util.List;

/** The dialects on the classpath; picks one by JDBC URL. Callers pass the providers (core never calls ServiceLoader). */
public final class DialectRegistry {
    private final List<DialectProvider> providers;

    public DialectRegistry(List<DialectProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public List<DialectProvider> providers() {
        return providers;
    }

    /** @throws DialectNotFoundException when no provider accepts the URL */
    /** The providers' names, e.g. postgres, mysql, sqlite. */
    public java.util.Set<String> names() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        providers.forEach(p -> out.add(p.name()));
        return out;
    }

    public DialectProvider forUrl(String url) {
        for (DialectProvider p : providers) {
            if (p.accepts(url)) {
                return p;
            }
        }
        String known = providers.isEmpty() ? "none" : String.join(", ", providers.stream().map(DialectProvider::name).toList());
        throw new DialectNotFoundException("no dialect accepts the URL " + Secrets.mask(url)
                + " (dialects on the classpath: " + known + "); use a jdbc:sqlite:, jdbc:postgresql: or jdbc:mysql: URL");
    }

    public Dialect open(ConnectionSettings settings) {
        return forUrl(settings.url()).open(settings);
    }
}
