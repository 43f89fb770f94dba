package dev.ficus.bench.load;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Vert.x the load runs send from: its own two event loops, apart from the servers being measured. */
public final class LoadVertx implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LoadVertx.class);

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));

    public Vertx vertx() {
        return vertx;
    }

    @Override
    public void close() {
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("the load generator's Vert.x did not stop cleanly: {}", e.getMessage());
        }
    }
}
