package dev.ficus.bench.sync;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.devstack.DevStack;
import dev.ficus.sync.config.SyncConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The configuration of a sync on the bench's own dev stack, loaded the way {@code ficus sync} loads a YAML file, so
 * the bench measures the sync with its defaults (poll interval, batch size, …) apart from what is named here.
 */
final class StackConfig {
    private StackConfig() {
    }

    /**
     * @param workDir   where offsets and schema history go
     * @param name      topic prefix and offsets key (one per sync the bench starts)
     * @param serverId  replication server id towards MariaDB
     * @param extraSync further keys of the sync section, as YAML lines relative to {@code sync:}
     */
    static LoadedConfig load(DevStack stack, Path workDir, String name, int serverId, String extraSync) {
        String yaml = "magento:\n"
                + "  database:\n" + database(stack.mariadb())
                + "platform:\n"
                + "  postgres:\n" + database(stack.postgres())
                + "  redis:\n" + redis(stack.redis())
                + "sync:\n"
                + "  server_id: " + serverId + "\n"
                + "  topic_prefix: " + name + "\n"
                + "  http:\n"
                + "    port: 0\n"
                + "  offsets:\n"
                + "    store: file\n"
                + "    file: " + quoted(workDir.resolve(name + "-offsets.dat")) + "\n"
                + "    history_file: " + quoted(workDir.resolve(name + "-history.dat")) + "\n"
                + extraSync.lines().map(line -> "  " + line + "\n").reduce("", String::concat);
        return ConfigLoader.load(ConfigSource.fromYaml(yaml, Map.of()),
                List.of(SyncConfig.SECTION, MagentoConfig.SECTION, PlatformConfig.SECTION));
    }

    private static String database(DatabaseEndpoint db) {
        String out = "    host: " + db.host() + "\n"
                + "    port: " + db.port() + "\n"
                + "    user: " + db.user() + "\n"
                + "    database: " + db.database() + "\n";
        return db.password().isEmpty() ? out : out + "    password: " + quoted(db.password().reveal()) + "\n";
    }

    private static String redis(RedisEndpoint redis) {
        String out = "    host: " + redis.host() + "\n"
                + "    port: " + redis.port() + "\n";
        return redis.password().isEmpty() ? out : out + "    password: " + quoted(redis.password().reveal()) + "\n";
    }

    private static String quoted(Object value) {
        return "'" + String.valueOf(value).replace("'", "''") + "'";
    }
}
