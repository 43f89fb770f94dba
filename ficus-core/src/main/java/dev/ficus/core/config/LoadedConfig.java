package dev.ficus.core.config;

import java.util.List;
import java.util.Map;

/** The validated configuration: one typed record per section, plus what {@code ficus config show} prints. */
public final class LoadedConfig {
    /** The origin of a key nobody set. */
    static final String DEFAULT_ORIGIN = "default";

    private final Map<ConfigSection<?>, Object> values;
    private final Map<String, EffectiveValue> effective;
    private final Map<String, KeyDoc> docs;

    LoadedConfig(Map<ConfigSection<?>, Object> values, Map<String, EffectiveValue> effective, Map<String, KeyDoc> docs) {
        this.values = Map.copyOf(values);
        this.effective = Map.copyOf(effective);
        this.docs = Map.copyOf(docs);
    }

    public <T> T get(ConfigSection<T> section) {
        Object value = values.get(section);
        if (value == null) {
            throw new IllegalArgumentException("section '" + section.name() + "' was not loaded");
        }
        @SuppressWarnings("unchecked")
        T typed = (T) value;
        return typed;
    }

    /**
     * True when the file or an environment variable gave {@code key} (e.g. {@code sync.offsets.file}) a value;
     * false when it has its default, so that a command may choose a better default for its own situation.
     */
    public boolean isSet(String key) {
        EffectiveValue value = effective.get(key);
        return value != null && !DEFAULT_ORIGIN.equals(value.origin());
    }

    /** Every key with its value (secrets masked) and origin, in key order. */
    public List<EffectiveValue> effectiveValues() {
        return effective.values().stream().sorted(java.util.Comparator.comparing(EffectiveValue::key)).toList();
    }

    public Map<String, KeyDoc> docs() {
        return docs;
    }
}
