package dev.retort.adapter.cli;

/** {@code --format}: text for people, json for programs. */
enum OutputFormat {
    TEXT, JSON
}
