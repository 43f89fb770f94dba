package dev.ficus.core.config;

/** What one configuration key means: the source of the generated reference in the README. */
public record KeyDoc(String key, String type, String defaultValue, String description, boolean secret) {
}
