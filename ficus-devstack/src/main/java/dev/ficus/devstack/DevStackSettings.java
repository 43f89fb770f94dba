package dev.ficus.devstack;

import java.nio.file.Path;
import java.util.Objects;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.RedisEndpoint;

/**
 * How to run the dev stack.
 *
 * @param workDir  where the embedded servers keep their data ({@code mariadb/}, {@code postgres/}, {@code redis/})
 *                 and logs; the data survives a restart
 * @param fresh    wipe the embedded servers' data directories before starting (external servers are never touched)
 * @param mariadb  MariaDB, with the binlog on (the source Magento writes to)
 * @param postgres PostgreSQL (the platform database of the new services)
 * @param redis    Redis (the event streams)
 */
public record DevStackSettings(Path workDir, boolean fresh,
                               ServerChoice<DatabaseEndpoint> mariadb,
                               ServerChoice<DatabaseEndpoint> postgres,
                               ServerChoice<RedisEndpoint> redis) {

    /** {@code .ficus/} in the current directory, as {@code ficus dev} uses it. */
    public static final Path DEFAULT_WORK_DIR = Path.of(".ficus");

    public DevStackSettings {
        Objects.requireNonNull(workDir, "workDir");
        Objects.requireNonNull(mariadb, "mariadb");
        Objects.requireNonNull(postgres, "postgres");
        Objects.requireNonNull(redis, "redis");
        workDir = workDir.toAbsolutePath().normalize();
    }

    /** All three servers embedded on free ports, in {@code .ficus/}, keeping earlier data. */
    public static DevStackSettings defaults() {
        return new DevStackSettings(DEFAULT_WORK_DIR, false,
                ServerChoice.embedded(), ServerChoice.embedded(), ServerChoice.embedded());
    }

    public DevStackSettings withWorkDir(Path otherWorkDir) {
        return new DevStackSettings(otherWorkDir, fresh, mariadb, postgres, redis);
    }

    public DevStackSettings withFresh(boolean wipeFirst) {
        return new DevStackSettings(workDir, wipeFirst, mariadb, postgres, redis);
    }

    public DevStackSettings withMariadb(ServerChoice<DatabaseEndpoint> choice) {
        return new DevStackSettings(workDir, fresh, choice, postgres, redis);
    }

    public DevStackSettings withPostgres(ServerChoice<DatabaseEndpoint> choice) {
        return new DevStackSettings(workDir, fresh, mariadb, choice, redis);
    }

    public DevStackSettings withRedis(ServerChoice<RedisEndpoint> choice) {
        return new DevStackSettings(workDir, fresh, mariadb, postgres, choice);
    }

    public Path mariadbDir() {
        return workDir.resolve("mariadb");
    }

    public Path postgresDir() {
        return workDir.resolve("postgres");
    }

    public Path redisDir() {
        return workDir.resolve("redis");
    }
}
