package dev.ficus.sync.source;

import dev.ficus.core.config.PlatformConfig;
import dev.ficus.sync.config.SyncConfig;
import java.lang.management.ManagementFactory;
import java.util.UUID;

/** The lease that goes with the chosen offset store (see {@link Lease}). */
public final class Leases {
    private Leases() {
    }

    public static Lease of(SyncConfig sync, PlatformConfig platform) {
        SyncConfig.Offsets o = sync.offsets();
        return switch (o.store()) {
            case FILE -> new FileLease(ConnectorProperties.parentOf(o.file()).resolve(o.file().getFileName() + ".lock"));
            case REDIS -> new RedisLease(platform.redis().uri(), o.redisKeyPrefix() + ":lease:" + sync.topicPrefix(),
                    owner(), sync.leaseTtl());
            case JDBC -> new JdbcLease(new JdbcStore(platform.postgres().postgresJdbcUrl(), platform.postgres().user(),
                    platform.postgres().password().reveal(), o.jdbcTablePrefix() + "_offsets"), sync.topicPrefix());
        };
    }

    /** host/pid/random: readable in the standby's log line, unique even for two syncs in one JVM. */
    static String owner() {
        return ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }
}
