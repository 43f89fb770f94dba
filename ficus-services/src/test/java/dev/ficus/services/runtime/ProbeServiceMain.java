package dev.ficus.services.runtime;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.Secret;
import dev.ficus.services.testing.TestConfig;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * A probe service in a process of its own, so that a test can kill it with SIGKILL in the middle of a batch.
 * Arguments: PostgreSQL host, port, user, database; Redis connection string; service name; consumer name.
 * Prints {@code READY} once it consumes.
 */
public final class ProbeServiceMain {
    private ProbeServiceMain() {
    }

    public static void main(String[] args) throws Exception {
        DatabaseEndpoint db = new DatabaseEndpoint(args[0], Integer.parseInt(args[1]), args[2], Secret.empty(),
                args[3]);
        RedisConnector redis = RedisConnector.of(args[4]);
        Vertx vertx = Vertx.vertx();
        ServiceRuntime.start(vertx, new ProbeReadModel(args[5]), 0, TestConfig.services(), db, redis.connect(vertx),
                args[6], Clock.systemUTC());
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }
}
