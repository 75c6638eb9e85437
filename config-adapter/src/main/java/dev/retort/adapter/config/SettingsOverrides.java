package dev.retort.adapter.config;

/**
 * Command-line values that win over the environment and retort.yaml. Each component is null
 * when not given. Relative paths (and relative SQLite files in {@code url}) resolve against the
 * project folder like the file's own values; pass absolute paths for working-directory semantics.
 */
public record SettingsOverrides(String scriptLocation, String url, String user, String password, String schema,
                                String targetMetadata, String versionTable) {

    public static final SettingsOverrides NONE = new SettingsOverrides(null, null, null, null, null, null, null);

    public static SettingsOverrides url(String url) {
        return new SettingsOverrides(null, url, null, null, null, null, null);
    }

    @Override
    public String toString() {
        return "SettingsOverrides[scriptLocation=" + scriptLocation + ", url=" + dev.retort.core.domain.Secrets.mask(url, password)
                + ", user=" + user + ", password=" + (password == null ? "null" : "***") + ", schema=" + schema
                + ", targetMetadata=" + targetMetadata + ", versionTable=" + versionTable + "]";
    }
}
