package dev.ficus.services.runtime;

import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.core.stream.RedisClients;
import io.vertx.core.Vertx;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

/** Makes the Redis client of a service or tool. Each call gives a new client that the caller closes. */
@FunctionalInterface
public interface RedisConnector {
    int POOL_SIZE = 4;

    Redis connect(Vertx vertx);

    /** The platform Redis (as configured), the way every Ficus component connects ({@link RedisClients}). */
    static RedisConnector of(RedisEndpoint endpoint) {
        return vertx -> RedisClients.create(vertx, endpoint, POOL_SIZE);
    }

    /**
     * A Redis given by connection string, such as {@code redis://host:port/3} (a logical database, as tests use);
     * the same protocol and pool settings as {@link RedisClients}. The string carries any password: never log it.
     */
    static RedisConnector of(String connectionString) {
        return vertx -> Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(connectionString)
                .setPreferredProtocolVersion(ProtocolVersion.RESP2)
                .setMaxPoolSize(POOL_SIZE)
                .setMaxPoolWaiting(1024)
                .setMaxWaitingHandlers(65536));
    }
}
