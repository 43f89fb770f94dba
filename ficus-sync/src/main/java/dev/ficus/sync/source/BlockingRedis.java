package dev.ficus.sync.source;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.redis.client.ProtocolVersion;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A small blocking Redis client for Debezium's storage callbacks, which are synchronous. It owns a one-thread Vert.x
 * instance, so it needs nothing from the rest of the process.
 */
final class BlockingRedis implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;
    private final Vertx vertx;
    private final Redis redis;

    BlockingRedis(String url) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1));
        this.redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(url)
                .setPreferredProtocolVersion(ProtocolVersion.RESP2).setMaxPoolSize(1));
    }

    Response send(Request request) {
        try {
            return redis.send(request).await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Redis did not answer within " + TIMEOUT_SECONDS + " s", e);
        }
    }

    @Override
    public void close() {
        redis.close();
        vertx.close();
    }
}
