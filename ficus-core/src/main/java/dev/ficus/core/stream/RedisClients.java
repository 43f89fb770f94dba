package dev.ficus.core.stream;

import dev.ficus.core.config.RedisEndpoint;
import io.vertx.core.Vertx;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;

/** Creates Vert.x Redis clients the same way everywhere: RESP2 (one reply shape for stream commands), a small pool. */
public final class RedisClients {
    private RedisClients() {
    }

    public static Redis create(Vertx vertx, RedisEndpoint endpoint, int poolSize) {
        return Redis.createClient(vertx, new RedisOptions()
                .setConnectionString(endpoint.uri())
                .setPreferredProtocolVersion(ProtocolVersion.RESP2)
                .setMaxPoolSize(poolSize)
                .setMaxPoolWaiting(1024)
                .setMaxWaitingHandlers(65536));
    }
}
