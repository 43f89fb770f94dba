package dev.ficus.core.config;

/**
 * The new platform's stores: PostgreSQL (id map and read models) and Redis (the migration topics). The default ports
 * are those the embedded dev stack listens on, so every command finds a running {@code ficus dev} without a file.
 */
public record PlatformConfig(DatabaseEndpoint postgres, RedisEndpoint redis) {
    public static final int DEV_POSTGRES_PORT = 15432;
    public static final int DEV_REDIS_PORT = 16379;

    public static final ConfigSection<PlatformConfig> SECTION = new ConfigSection<>() {
        @Override
        public String name() {
            return "platform";
        }

        @Override
        public String description() {
            return "the platform's PostgreSQL and Redis";
        }

        @Override
        public PlatformConfig read(ConfigReader r) {
            return new PlatformConfig(
                    Endpoints.database(r.at("postgres"), "the platform PostgreSQL", DEV_POSTGRES_PORT, "postgres", "ficus"),
                    Endpoints.redis(r.at("redis"), "the platform Redis", DEV_REDIS_PORT));
        }
    };
}
