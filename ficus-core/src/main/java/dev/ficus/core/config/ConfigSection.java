package dev.ficus.core.config;

/**
 * The configuration of one component: a name (the top-level YAML key) and how to read its typed record.
 * Reading an empty configuration must succeed wherever a default exists, so that the defaults run {@code ficus dev}.
 */
public interface ConfigSection<T> {
    String name();

    String description();

    T read(ConfigReader reader);
}
