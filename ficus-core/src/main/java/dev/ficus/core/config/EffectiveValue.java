package dev.ficus.core.config;

/** The value a key ended up with (secrets masked) and where it came from: default, the file, or an env variable. */
public record EffectiveValue(String key, String display, String origin) {
}
