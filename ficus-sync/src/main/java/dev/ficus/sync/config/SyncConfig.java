package dev.ficus.sync.config;

import dev.ficus.core.config.ConfigReader;
import dev.ficus.core.config.ConfigSection;
import dev.ficus.sync.eav.Reads;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Configuration of the sync (section {@code sync}). The Magento database comes from {@code magento.database}, the
 * id map's PostgreSQL and the topics' Redis from {@code platform}. Every Debezium or connector property can be set
 * under {@code sync.debezium.*}; see {@code ConnectorProperties} for which source wins.
 */
public record SyncConfig(
        Connector connector,
        int serverId,
        String topicPrefix,
        SnapshotMode snapshotMode,
        List<String> tables,
        Duration pollInterval,
        int maxBatchSize,
        int maxQueueSize,
        Duration heartbeatInterval,
        Offsets offsets,
        long streamMaxLen,
        String httpHost,
        int httpPort,
        int retryAttempts,
        Duration retryBackoff,
        Duration retryMaxBackoff,
        int idCacheSize,
        int snapshotMaxRowsPerSecond,
        int snapshotFetchSize,
        Duration progressInterval,
        Duration leaseTtl,
        Reads extractionReads,
        int lockWaitSeconds,
        Path connectorFile,
        Map<String, String> debezium) {

    /** Which Debezium connector reads the binlog. */
    public enum Connector {
        MARIADB("io.debezium.connector.mariadb.MariaDbConnector"),
        MYSQL("io.debezium.connector.mysql.MySqlConnector");

        private final String className;

        Connector(String className) {
            this.className = className;
        }

        public String className() {
            return className;
        }
    }

    /** Debezium's {@code snapshot.mode} values that make sense here. */
    public enum SnapshotMode {
        INITIAL, WHEN_NEEDED, NO_DATA;

        public String debeziumValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Where offsets and schema history live. */
    public enum OffsetStore { FILE, REDIS, JDBC }

    public record Offsets(OffsetStore store, Path file, Path historyFile, Duration flushInterval, String redisKeyPrefix,
                          String jdbcTablePrefix) {

        /** The same offsets kept in other files (ficus dev: under its work directory). */
        public Offsets withFiles(Path offsetsFile, Path schemaHistoryFile) {
            return new Offsets(store, offsetsFile, schemaHistoryFile, flushInterval, redisKeyPrefix, jdbcTablePrefix);
        }
    }

    /** The same configuration with offsets and schema history kept elsewhere. */
    public SyncConfig withOffsets(Offsets other) {
        return new SyncConfig(connector, serverId, topicPrefix, snapshotMode, tables, pollInterval, maxBatchSize,
                maxQueueSize, heartbeatInterval, other, streamMaxLen, httpHost, httpPort, retryAttempts, retryBackoff,
                retryMaxBackoff, idCacheSize, snapshotMaxRowsPerSecond, snapshotFetchSize, progressInterval, leaseTtl,
                extractionReads, lockWaitSeconds, connectorFile, debezium);
    }

    public static final int DEFAULT_HTTP_PORT = 8010;

    /** Magento's tables the sync reads, without the database name. */
    public static final List<String> DEFAULT_TABLES = List.of(
            "catalog_product_entity",
            "catalog_product_entity_varchar",
            "catalog_product_entity_int",
            "catalog_product_entity_decimal",
            "catalog_product_entity_text",
            "catalog_product_entity_datetime",
            "catalog_product_website",
            "catalog_category_product",
            "catalog_product_super_attribute",
            "catalog_product_super_attribute_label",
            "catalog_product_super_link",
            "eav_attribute",
            "catalog_eav_attribute",
            "customer_entity",
            "customer_address_entity",
            "sales_order",
            "sales_order_item",
            "sales_order_address",
            "sales_order_payment",
            "cataloginventory_stock_item",
            "store",
            "store_group",
            "store_website",
            "core_config_data");

    public static final ConfigSection<SyncConfig> SECTION = new ConfigSection<>() {
        @Override
        public String name() {
            return "sync";
        }

        @Override
        public String description() {
            return "the change data capture from Magento's binlog to the migration topics";
        }

        @Override
        public SyncConfig read(ConfigReader r) {
            Connector connector = r.enumeration("connector", Connector.class, Connector.MARIADB,
                    "Debezium connector for the binlog: mariadb (MariaDB servers) or mysql (MySQL servers).");
            int serverId = r.integer("server_id", 5701, 1, Integer.MAX_VALUE,
                    "Replication server id the sync uses towards Magento's database; unique among its replicas.");
            String prefix = r.string("topic_prefix", "ficus",
                    "Debezium's logical server name (topic.prefix); names offsets and metrics, so keep it stable.");
            ConfigReader snap = r.at("snapshot");
            SnapshotMode mode = snap.enumeration("mode", SnapshotMode.class, SnapshotMode.INITIAL,
                    "initial: snapshot once, then stream; when_needed: snapshot again if the binlog position is lost; "
                            + "no_data: stream only.");
            int maxRows = snap.integer("max_rows_per_second", 0, 0, Integer.MAX_VALUE,
                    "Cap on rows read per second during a snapshot, to spare the shop's database; 0 = no cap.");
            int fetchSize = snap.integer("fetch_size", 2000, 10, 1_000_000,
                    "Rows fetched per round trip while snapshotting (snapshot.fetch.size).");
            List<String> tables = r.stringList("tables", DEFAULT_TABLES,
                    "Magento tables to capture (without database name); the database is magento.database.database.");
            Duration poll = r.duration("poll_interval", Duration.ofMillis(20),
                    "How often Debezium hands over queued changes (poll.interval.ms); sets the sync's latency.");
            int batch = r.integer("max_batch_size", 2048, 1, 100_000,
                    "Most changes handled (extracted, mapped, published) as one batch (max.batch.size).");
            int queue = r.integer("max_queue_size", 8192, 2, 1_000_000,
                    "Changes Debezium may queue ahead of the handler (max.queue.size); more than max_batch_size.");
            if (queue <= batch) {
                r.problem("max_queue_size", "must be greater than sync.max_batch_size (" + batch + ")");
            }
            Duration heartbeat = r.duration("heartbeat_interval", Duration.ofSeconds(10),
                    "Heartbeat (heartbeat.interval.ms): moves the offset on while captured tables are quiet.");
            ConfigReader off = r.at("offsets");
            Offsets offsets = new Offsets(
                    off.enumeration("store", OffsetStore.class, OffsetStore.FILE,
                            "Where offsets and schema history are kept: file (this host), redis (platform.redis) "
                                    + "or jdbc (platform.postgres); redis and jdbc let the sync move between hosts."),
                    off.path("file", Path.of(".ficus/sync/offsets.dat"), "Offsets file (store: file). Under "
                            + "`ficus dev`, unless set: `<devstack.work_dir>/sync/offsets.dat`."),
                    off.path("history_file", Path.of(".ficus/sync/schema-history.dat"),
                            "Schema history file (store: file). Under `ficus dev`, unless set: "
                                    + "`<devstack.work_dir>/sync/schema-history.dat`."),
                    off.duration("flush_interval", Duration.ofSeconds(1),
                            "How often acknowledged offsets are written (offset.flush.interval.ms)."),
                    off.string("redis_key_prefix", "ficus:sync",
                            "Key prefix of offsets (<prefix>:offsets, a hash) and history (<prefix>:history, a list)."),
                    off.string("jdbc_table_prefix", "sync",
                            "Table prefix of offsets (<prefix>_offsets) and history (<prefix>_schema_history)."));
            long maxLen = r.longValue("streams.max_len", 1_000_000, 0, Long.MAX_VALUE,
                    "Approximate cap on each topic's length (XADD MAXLEN ~); 0 = uncapped. migration.dlq is never capped.");
            String host = r.string("http.host", "127.0.0.1",
                    "Address /health/* and /metrics bind to. The default serves this host only; where probes or "
                            + "Prometheus reach the sync from another host, bind 0.0.0.0 and restrict it with a network "
                            + "policy.");
            int port = r.port("http.port", DEFAULT_HTTP_PORT, "Port of /health/live, /health/ready and /metrics.");
            int attempts = r.integer("retry.attempts", 3, 1, 100,
                    "Tries to extract an entity before it goes to migration.dlq.");
            Duration backoff = r.duration("retry.backoff", Duration.ofMillis(100),
                    "First wait between tries; doubles up to retry.max_backoff. Also the first wait while Redis "
                            + "or PostgreSQL is down.");
            Duration maxBackoff = r.duration("retry.max_backoff", Duration.ofSeconds(5),
                    "Longest wait between tries.");
            int cache = r.integer("id_map.cache_size", 200_000, 0, 50_000_000,
                    "Id map entries kept in memory (UUIDs never change, so the cache is never stale).");
            Duration progress = r.duration("progress_interval", Duration.ofSeconds(5),
                    "How often the snapshot progress line (rows, rate, ETA) is logged.");
            Duration leaseTtl = r.duration("lease.ttl", Duration.ofSeconds(15),
                    "Time to live of the lease that lets one sync stream at a time (a standby takes over this long "
                            + "after the holder died; at once when it stopped cleanly).");
            boolean locking = r.bool("extraction.locking_reads", true,
                    "Read entities with shared locking reads (LOCK IN SHARE MODE, one statement at a time): waits for "
                            + "a writer whose changes are in the binlog but not yet committed. false = plain snapshot "
                            + "reads, which can publish a state from just before such a change.");
            int lockWait = r.integer("extraction.lock_wait_timeout", 5, 1, 3600,
                    "Seconds a locking read waits for a row lock (the session's innodb_lock_wait_timeout) before "
                            + "that extraction is read again without locks.");
            Path file = r.path("connector_file", null,
                    "A Debezium connector JSON (as in the plan's configs/debezium-connector.json, with ${ENV} "
                            + "placeholders); its keys apply below ours, deprecated ones are translated.");
            Map<String, String> debezium = r.map("debezium",
                    "Any Debezium engine or connector property, passed through as it is (wins over derived values).");
            return new SyncConfig(connector, serverId, prefix, mode, tables, poll, batch, queue, heartbeat, offsets,
                    maxLen, host, port, attempts, backoff, maxBackoff, cache, maxRows, fetchSize, progress, leaseTtl,
                    locking ? Reads.LOCKING : Reads.SNAPSHOT, lockWait, file,
                    debezium);
        }
    };
}
