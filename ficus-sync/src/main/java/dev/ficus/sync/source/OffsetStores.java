package dev.ficus.sync.source;

import dev.ficus.core.config.PlatformConfig;
import dev.ficus.sync.config.SyncConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine properties that put offsets and schema history in the chosen store. File keeps them on this host;
 * Redis and JDBC (the platform's PostgreSQL) let a sync process move to another host and carry on where the last
 * one stopped. Debezium's own Redis store needs Jedis (banned here), so the Redis and JDBC stores are ours.
 */
final class OffsetStores {
    static final String REDIS_URL = "ficus.redis.url";
    static final String REDIS_KEY = "ficus.redis.key";
    static final String JDBC_URL = "ficus.jdbc.url";
    static final String JDBC_USER = "ficus.jdbc.user";
    static final String JDBC_PASSWORD = "ficus.jdbc.password";
    static final String JDBC_TABLE = "ficus.jdbc.table";
    static final String OFFSET_PREFIX = "offset.storage.";
    static final String HISTORY_PREFIX = "schema.history.internal.";

    private OffsetStores() {
    }

    static Map<String, String> properties(SyncConfig sync, PlatformConfig platform) {
        SyncConfig.Offsets o = sync.offsets();
        Map<String, String> p = new LinkedHashMap<>();
        switch (o.store()) {
            case FILE -> {
                createParent(o.file());
                createParent(o.historyFile());
                p.put("offset.storage", AtomicFileOffsetBackingStore.class.getName());
                p.put(AtomicFileOffsetBackingStore.FILE_KEY, o.file().toAbsolutePath().toString());
                p.put("schema.history.internal", "io.debezium.storage.file.history.FileSchemaHistory");
                p.put("schema.history.internal.file.filename", o.historyFile().toAbsolutePath().toString());
            }
            case REDIS -> {
                p.put("offset.storage", RedisOffsetBackingStore.class.getName());
                p.put(OFFSET_PREFIX + REDIS_URL, platform.redis().uri());
                p.put(OFFSET_PREFIX + REDIS_KEY, o.redisKeyPrefix() + ":offsets");
                p.put("schema.history.internal", RedisSchemaHistory.class.getName());
                p.put(HISTORY_PREFIX + REDIS_URL, platform.redis().uri());
                p.put(HISTORY_PREFIX + REDIS_KEY, o.redisKeyPrefix() + ":history");
            }
            case JDBC -> {
                var pg = platform.postgres();
                p.put("offset.storage", JdbcOffsetBackingStore.class.getName());
                p.put("schema.history.internal", JdbcSchemaHistory.class.getName());
                for (String prefix : new String[] {OFFSET_PREFIX, HISTORY_PREFIX}) {
                    p.put(prefix + JDBC_URL, pg.postgresJdbcUrl());
                    p.put(prefix + JDBC_USER, pg.user());
                    p.put(prefix + JDBC_PASSWORD, pg.password().reveal());
                }
                p.put(OFFSET_PREFIX + JDBC_TABLE, o.jdbcTablePrefix() + "_offsets");
                p.put(HISTORY_PREFIX + JDBC_TABLE, o.jdbcTablePrefix() + "_schema_history");
            }
            default -> throw new IllegalStateException("unknown offset store " + o.store());
        }
        return p;
    }

    private static void createParent(java.nio.file.Path file) {
        try {
            Files.createDirectories(ConnectorProperties.parentOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of " + file, e);
        }
    }
}
