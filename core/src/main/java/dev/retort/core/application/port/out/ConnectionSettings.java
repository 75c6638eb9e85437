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
 * @param historyTable name of the history table
 */
public record ConnectionSettings(String url, String user, String password, String schema, String versionTable, String historyTable) {
    public static final String DEFAULT_VERSION_TABLE = "retort_version";
    public static final String DEFAULT_HISTORY_TABLE = "retort_history";

    public ConnectionSettings {
        Objects.requireNonNull(url, "url");
        versionTable = versionTable == null || versionTable.isBlank() ? DEFAULT_VERSION_TABLE : versionTable;
        historyTable = historyTable == null || historyTable.isBlank() ? DEFAULT_HISTORY_TABLE : historyTable;
    }

    /** Settings with the default history table. */
    public ConnectionSettings(String url, String user, String password, String schema, String versionTable) {
        this(url, user, password, schema, versionTable, null);
    }

    /** The URL with any password masked, for messages. */
    public String maskedUrl() {
        return Secrets.mask(url, password);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[url=" + maskedUrl() + ", user=" + user + ", password=" + (password == null ? "null" : "***")
                + ", schema=" + schema + ", versionTable=" + versionTable + ", historyTable=" + historyTable + "]";
    }
}
