package dev.ficus.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What one pass of reading has seen: problems, documented keys, effective values, and keys left unread. */
final class ConfigState {
    private final ConfigSource source;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Map<String, KeyDoc> docs = new LinkedHashMap<>();
    private final Map<String, EffectiveValue> effective = new LinkedHashMap<>();
    private final Set<String> openPrefixes = new LinkedHashSet<>();

    ConfigState(ConfigSource source) {
        this.source = source;
    }

    ConfigSource source() {
        return source;
    }

    Optional<ConfigSource.Value> lookup(String key) {
        return source.lookup(key);
    }

    void problem(String key, String reason) {
        problems.add(new ConfigProblem(key, reason));
    }

    void document(KeyDoc doc) {
        docs.putIfAbsent(doc.key(), doc);
    }

    void effective(String key, String display, String origin) {
        effective.put(key, new EffectiveValue(key, display, origin));
    }

    void openPrefix(String prefix) {
        openPrefixes.add(prefix);
    }

    List<ConfigProblem> problems() {
        return problems;
    }

    Map<String, KeyDoc> docs() {
        return docs;
    }

    Map<String, EffectiveValue> effective() {
        return effective;
    }

    boolean isKnown(String key) {
        if (docs.containsKey(key)) {
            return true;
        }
        return openPrefixes.stream().anyMatch(key::startsWith);
    }
}
