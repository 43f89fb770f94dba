package dev.ficus.sync.source;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Translates Debezium 1.x connector keys and values (still found in many published configurations, the plan's among
 * them) to their 3.x names, telling the caller about each one so the user can fix the file.
 */
public final class DeprecatedKeys {
    private static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("database.server.name", "topic.prefix"),
            Map.entry("database.whitelist", "database.include.list"),
            Map.entry("database.blacklist", "database.exclude.list"),
            Map.entry("table.whitelist", "table.include.list"),
            Map.entry("table.blacklist", "table.exclude.list"),
            Map.entry("column.whitelist", "column.include.list"),
            Map.entry("column.blacklist", "column.exclude.list"),
            Map.entry("database.history", "schema.history.internal"));
    private static final List<Map.Entry<String, String>> RENAMED_PREFIXES = List.of(
            Map.entry("database.history.", "schema.history.internal."));
    private static final Map<String, String> RENAMED_CLASSES = Map.of(
            "io.debezium.relational.history.FileDatabaseHistory", "io.debezium.storage.file.history.FileSchemaHistory",
            "io.debezium.relational.history.KafkaDatabaseHistory", "io.debezium.storage.kafka.history.KafkaSchemaHistory",
            "io.debezium.relational.history.MemoryDatabaseHistory", "io.debezium.relational.history.MemorySchemaHistory");
    private static final Map<String, String> SNAPSHOT_MODES = Map.of(
            "schema_only", "no_data",
            "schema_only_recovery", "recovery");

    private DeprecatedKeys() {
    }

    public static Map<String, String> translate(Map<String, String> in, Consumer<String> warn) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((key, value) -> {
            String newKey = RENAMED.get(key);
            if (newKey == null) {
                for (Map.Entry<String, String> p : RENAMED_PREFIXES) {
                    if (key.startsWith(p.getKey())) {
                        newKey = p.getValue() + key.substring(p.getKey().length());
                    }
                }
            }
            if (newKey != null) {
                warn.accept("deprecated Debezium key '" + key + "' read as '" + newKey + "'");
            } else {
                newKey = key;
            }
            String newValue = value;
            if (RENAMED_CLASSES.containsKey(value)) {
                newValue = RENAMED_CLASSES.get(value);
                warn.accept("deprecated class '" + value + "' in '" + key + "' read as '" + newValue + "'");
            }
            if (newKey.equals("snapshot.mode") && SNAPSHOT_MODES.containsKey(value)) {
                newValue = SNAPSHOT_MODES.get(value);
                warn.accept("deprecated snapshot.mode '" + value + "' read as '" + newValue + "'");
            }
            out.put(newKey, newValue);
        });
        return out;
    }
}
