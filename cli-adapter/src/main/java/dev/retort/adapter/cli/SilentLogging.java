package dev.retort.adapter.cli;

/**
 * The CLI's {@code java.util.logging} configuration: none, so no handler prints. JDBC drivers log
 * through it, and the PostgreSQL driver's warnings quote the URL as given, password included;
 * Retort reports every failure itself, masked. Named in {@code java.util.logging.config.class},
 * so it costs nothing until a library first logs. {@code -Djava.util.logging.config.file=...}
 * (in {@code RETORT_JAVA_OPTS}) turns driver logging back on for debugging.
 */
public final class SilentLogging {
    public SilentLogging() {
        // LogManager calls this instead of reading logging.properties: no handlers are installed.
    }

    static void install() {
        if (System.getProperty("java.util.logging.config.file") == null && System.getProperty("java.util.logging.config.class") == null) {
            System.setProperty("java.util.logging.config.class", SilentLogging.class.getName());
        }
    }
}
