package dev.retort.adapter.cli;

import java.util.Map;

/** ANSI colour for a person at a terminal: never when output is captured, with NO_COLOR set, or TERM=dumb. */
final class Style {
    private final boolean on;

    private Style(boolean on) {
        this.on = on;
    }

    static Style detect(Map<String, String> env, boolean terminal) {
        boolean noColor = env.containsKey("NO_COLOR") || "dumb".equals(env.get("TERM"));
        return new Style(terminal && !noColor);
    }

    boolean enabled() {
        return on;
    }

    String red(String s) {
        return on ? "\u001b[31m" + s + "\u001b[0m" : s;
    }

    String yellow(String s) {
        return on ? "\u001b[33m" + s + "\u001b[0m" : s;
    }

    String green(String s) {
        return on ? "\u001b[32m" + s + "\u001b[0m" : s;
    }

    String dim(String s) {
        return on ? "\u001b[2m" + s + "\u001b[0m" : s;
    }
}
