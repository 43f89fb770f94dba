package dev.ficus.tools;

import dev.ficus.core.config.ConfigReader;
import dev.ficus.core.config.ConfigSection;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.devstack.DevStackSettings;
import dev.ficus.devstack.ServerChoice;
import java.nio.file.Path;

/**
 * How {@code ficus dev} gets its servers. An embedded server listens on the port of the endpoint it stands for
 * ({@code magento.database.port}, {@code platform.postgres.port}, {@code platform.redis.port}), so the other
 * commands reach it with no extra configuration; an external one is that endpoint, already running.
 */
record DevStackSection(Path workDir, Mode mariadb, Mode postgres, Mode redis) {

    enum Mode { EMBEDDED, EXTERNAL }

    static final ConfigSection<DevStackSection> SECTION = new ConfigSection<>() {
        @Override
        public String name() {
            return "devstack";
        }

        @Override
        public String description() {
            return "the servers `ficus dev` starts for itself";
        }

        @Override
        public DevStackSection read(ConfigReader r) {
            return new DevStackSection(
                    r.path("work_dir", DevStackSettings.DEFAULT_WORK_DIR,
                            "Where `ficus dev` keeps its files: the embedded servers' data and, unless their keys are "
                                    + "set, the sync's offsets and schema history, the flag directory and the admin "
                                    + "token (kept across restarts; `ficus dev --fresh` wipes the data and offsets, "
                                    + "nothing outside this directory)."),
                    r.enumeration("mariadb", Mode.class, Mode.EMBEDDED,
                            "embedded: start MariaDB with the binlog on, on magento.database.port; external: use magento.database as it is."),
                    r.enumeration("postgres", Mode.class, Mode.EMBEDDED,
                            "embedded: start PostgreSQL on platform.postgres.port; external: use platform.postgres as it is."),
                    r.enumeration("redis", Mode.class, Mode.EMBEDDED,
                            "embedded: start Redis on platform.redis.port; external: use platform.redis as it is."));
        }
    };

    DevStackSettings settings(MagentoConfig magento, PlatformConfig platform, boolean fresh) {
        return new DevStackSettings(workDir, fresh,
                choice(mariadb, magento.database(), magento.database().port()),
                choice(postgres, platform.postgres(), platform.postgres().port()),
                redisChoice(platform.redis()));
    }

    private static ServerChoice<DatabaseEndpoint> choice(Mode mode, DatabaseEndpoint endpoint, int port) {
        return mode == Mode.EXTERNAL ? ServerChoice.external(endpoint) : ServerChoice.embeddedOnPort(port);
    }

    private ServerChoice<RedisEndpoint> redisChoice(RedisEndpoint endpoint) {
        return redis == Mode.EXTERNAL ? ServerChoice.external(endpoint) : ServerChoice.embeddedOnPort(endpoint.port());
    }
}
