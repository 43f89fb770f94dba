package dev.ficus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's own queue, against a local server that takes one second per answer. */
class LoadClientTest {
    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger served = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void slowServer() throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> vertx.setTimer(1000, t -> {
            served.incrementAndGet();
            req.response().putHeader(Reply.BACKEND_HEADER, "catalog").end("{}");
        })).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void requestsBeyondTheConnectionsWaitAndThoseThatWaitedPastTheTimeoutAreNeverSent() throws Exception {
        HttpTarget target = new HttpTarget("slow", "127.0.0.1", server.actualPort(), List.of("/a"),
                Map.of("Authorization", "Bearer t"));
        List<Reply> replies = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(4);
        try (LoadClient client = new LoadClient(vertx, target, 1, Duration.ofMillis(1800))) {
            long now = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                client.get("/a", now, reply -> {
                    replies.add(reply);
                    done.countDown();
                });
            }
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
            assertThat(client.outstanding()).isZero();
        }

        // the first is answered after ~1 s, the second waited ~1 s (within 1.8 s) and is answered after ~2 s;
        // the last two have waited ~2 s by then and fail without reaching the server
        assertThat(replies).hasSize(4);
        assertThat(replies.stream().filter(Reply::ok)).hasSize(2).allMatch(r -> "catalog".equals(r.backend()));
        assertThat(replies.stream().filter(r -> !r.ok()))
                .hasSize(2).allMatch(r -> r.describe().equals("no free connection within 1800 ms"));
        assertThat(served).hasValue(2);
    }

    @Test
    void aRefusedConnectionIsAFailedReplyNotAnException() throws Exception {
        int closedPort = server.actualPort();
        server.close().await(10, TimeUnit.SECONDS);
        HttpTarget target = new HttpTarget("gone", "127.0.0.1", closedPort, List.of("/a"), Map.of());
        CountDownLatch done = new CountDownLatch(1);
        List<Reply> replies = new CopyOnWriteArrayList<>();
        try (LoadClient client = new LoadClient(vertx, target, 2, Duration.ofSeconds(5))) {
            client.get("/a", System.nanoTime(), reply -> {
                replies.add(reply);
                done.countDown();
            });
            assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(replies).singleElement().satisfies(r -> {
            assertThat(r.ok()).isFalse();
            assertThat(r.status()).isZero();
            assertThat(r.describe()).contains("refused");
        });
    }
}
