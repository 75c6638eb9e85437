package dev.retort.core.application.port.out;

import dev.retort.core.domain.Secrets;
import java.util.Objects;

/**
 * How to reach a database.
 *
 * @param user         user name, or null to take it from the URL
 * @param password     password, or null; never printed ({@link #toString()} masks it)
 * @param schema       schema to work in (PostgreSQL search_path), or null for the default
 * @param versionTable name of the version table
 */
public record ConnectionSettings(String url, String user, String password, String schema, String versionTable) {
    public static final String DEFAULT_VERSION_TABLE = "retort_version";

    public ConnectionSettings {
        Objects.requireNonNull(url, "url");
        versionTable = versionTable == null || versionTable.isBlank() ? DEFAULT_VERSION_TABLE : versionTable;
    }

    /** The URL with any password masked, for messages. */
    public String maskedUrl() {
        return Secrets.mask(url, password);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + maskedUrl() + ", user=" + user + ", password=" + (password == null ? "null" : "***")
                + ", schema=" + schema + ", versionTable=" + versionTable + "]";
    }
}
