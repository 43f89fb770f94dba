package dev.ficus.sync.source;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.sync.config.SyncConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Debezium engine and connector properties the sync runs with, built in three layers, each overriding the one
 * before:
 * <ol>
 *   <li>the connector file ({@code sync.connector_file}), its deprecated keys translated;</li>
 *   <li>the values derived from our own keys ({@code sync.*}, {@code magento.database}, {@code platform}): where
 *       they overlap the file, ours win, and the overridden file value is reported;</li>
 *   <li>{@code sync.debezium.*}, passed through as written — the escape hatch for anything we do not model.</li>
 * </ol>
 */
public final class ConnectorProperties {
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|token|credential|redis\\.url).*");

    private final Map<String, String> values;
    private final List<String> warnings;

    private ConnectorProperties(Map<String, String> values, List<String> warnings) {
        this.values = values;
        this.warnings = warnings;
    }

    /**
     * @param snapshotTables the captured tables whose rows the snapshot reads (the entities' own tables); empty
     *                       means all of them
     */
    public static ConnectorProperties build(SyncConfig sync, DatabaseEndpoint magentoDb, PlatformConfig platform,
                                            List<String> snapshotTables, Map<String, String> env) {
        List<String> warnings = new ArrayList<>();
        Map<String, String> merged = new LinkedHashMap<>();
        if (sync.connectorFile() != null) {
            merged.putAll(DeprecatedKeys.translate(ConnectorFile.read(sync.connectorFile(), env), warnings::add));
        }
        Map<String, String> ours = derived(sync, magentoDb, platform, snapshotTables);
        ours.forEach((k, v) -> {
            String fromFile = merged.get(k);
            if (fromFile != null && !fromFile.equals(v)) {
                warnings.add("connector file sets " + k + "=" + mask(k, fromFile) + "; sync configuration wins: "
                        + mask(k, v));
            }
            merged.put(k, v);
        });
        Map<String, String> passThrough = DeprecatedKeys.translate(sync.debezium(), warnings::add);
        passThrough.forEach((k, v) -> {
            if (ours.containsKey(k) && !ours.get(k).equals(v)) {
                warnings.add("sync.debezium." + k + " overrides the derived value " + mask(k, ours.get(k)));
            }
            merged.put(k, v);
        });
        return new ConnectorProperties(merged, warnings);
    }

    static Map<String, String> derived(SyncConfig sync, DatabaseEndpoint db, PlatformConfig platform,
                                       List<String> snapshotTables) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("name", "ficus-sync-" + sync.topicPrefix());
        p.put("connector.class", sync.connector().className());
        p.put("topic.prefix", sync.topicPrefix());
        p.put("database.hostname", db.host());
        p.put("database.port", Integer.toString(db.port()));
        p.put("database.user", db.user());
        p.put("database.password", db.password().reveal());
        p.put("database.server.id", Integer.toString(sync.serverId()));
        p.put("database.include.list", db.database());
        p.put("table.include.list", includeList(db.database(), sync.tables()));
        p.put("snapshot.mode", sync.snapshotMode().debeziumValue());
        if (!snapshotTables.isEmpty()) {
            p.put("snapshot.include.collection.list", includeList(db.database(), snapshotTables));
        }
        // minimal: the global read lock is held only while table schemas are read, never for the data
        p.put("snapshot.locking.mode", "minimal");
        p.put("snapshot.fetch.size", Integer.toString(sync.snapshotFetchSize()));
        p.put("poll.interval.ms", Long.toString(sync.pollInterval().toMillis()));
        p.put("max.batch.size", Integer.toString(sync.maxBatchSize()));
        p.put("max.queue.size", Integer.toString(sync.maxQueueSize()));
        p.put("heartbeat.interval.ms", Long.toString(sync.heartbeatInterval().toMillis()));
        // the binlog reader notices a dropped connection at this interval (Debezium's default is a minute)
        p.put("connect.keep.alive.interval.ms", "5000");
        // DDL reaches the pipeline in binlog order: a foreign key added or dropped changes what cascades follow
        p.put("include.schema.changes", "true");
        p.put("tombstones.on.delete", "false");
        // the handlers read current state over JDBC; Debezium's values only serve as keys and before-images
        p.put("decimal.handling.mode", "string");
        p.put("bigint.unsigned.handling.mode", "long");
        p.put("schema.history.internal.store.only.captured.databases.ddl", "true");
        p.put("offset.flush.interval.ms", Long.toString(sync.offsets().flushInterval().toMillis()));
        p.put("offset.flush.timeout.ms", "10000");
        p.putAll(OffsetStores.properties(sync, platform));
        return p;
    }

    /** Debezium's include list of exactly these tables of the database. */
    private static String includeList(String database, List<String> tables) {
        return tables.stream().map(t -> regex(database) + "\\." + regex(t)).collect(Collectors.joining(","));
    }

    /** A name as a regular expression matching exactly it (Debezium's include lists are regexes). */
    static String regex(String name) {
        StringBuilder sb = new StringBuilder();
        for (char ch : name.toCharArray()) {
            if (!Character.isLetterOrDigit(ch) && ch != '_') {
                sb.append('\\');
            }
            sb.append(ch);
        }
        return sb.toString();
    }

    /** The properties Debezium gets (secrets in clear: never log this; log {@link #masked()}). */
    public Properties toProperties() {
        Properties props = new Properties();
        props.putAll(values);
        return props;
    }

    public String get(String key) {
        return values.get(key);
    }

    /** Every property, sorted, secrets replaced by {@code ****}: what the sync prints at start. */
    public Map<String, String> masked() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, mask(k, v)));
        return out;
    }

    /** What the user should know: deprecated keys translated, file values overridden. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    static String mask(String key, String value) {
        return SECRET_KEY.matcher(key).matches() && value != null && !value.isEmpty() ? "****" : value;
    }

    static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of(".") : parent;
    }
}
