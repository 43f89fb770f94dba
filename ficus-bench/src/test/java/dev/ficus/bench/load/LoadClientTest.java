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
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's own queue, against a local server. */
class LoadClientTest {
    private final Vertx vertx = Vertx.vertx();
    private final AtomicInteger served = new AtomicInteger();
    private HttpServer server;

    @BeforeEach
    void server() throws Exception {
        server = vertx.createHttpServer().requestHandler(req -> {
            served.incrementAndGet();
            req.response().putHeader(Reply.BACKEND_HEADER, "catalog").end("{}");
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void requestsBeyondTheConnectionsWaitAndThoseAlreadyPastTheTimeoutAreNeverSent() throws Exception {
        HttpTarget target = new HttpTarget("local", "127.0.0.1", server.actualPort(), List.of("/a"),
                Map.of("Authorization", "Bearer t"));
        List<Reply> replies = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(4);
        Consumer<Reply> collect = reply -> {
            replies.add(reply);
            done.countDown();
        };
        try (LoadClient client = new LoadClient(vertx, target, 1, Duration.ofMinutes(1))) {
            long now = System.nanoTime();
            long longAgo = now - TimeUnit.MINUTES.toNanos(2);
            // one connection: the first is sent, the other three wait for it in order
            client.get("/a", now, collect);
            client.get("/a", now, collect);
            client.get("/a", longAgo, collect);
            client.get("/a", longAgo, collect);
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            // the last reply is handed over just before its connection slot is released
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.outstanding() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(client.outstanding()).isZero();
        }

        // the two meant two minutes ago were past the one-minute timeout when their turn came: never sent
        assertThat(replies.stream().filter(Reply::ok)).hasSize(2).allMatch(r -> "catalog".equals(r.backend()));
        assertThat(replies.stream().filter(r -> !r.ok()))
                .hasSize(2).allMatch(r -> r.describe().equals("no free connection within 60000 ms"));
        assertThat(served).hasValue(2);
    }

    /** Sends one GET, waits for its reply and for the client to be idle again, and returns the reply. */
    private Reply oneGet(HttpTarget target, int connections, Duration timeout) throws Exception {
        CountDownLatch done = new CountDownLatch(1);
        List<Reply> replies = new CopyOnWriteArrayList<>();
        try (LoadClient client = new LoadClient(vertx, target, connections, timeout)) {
            client.get("/a", System.nanoTime(), reply -> {
                replies.add(reply);
                done.countDown();
            });
            assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (client.outstanding() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(client.outstanding()).isZero();
        }
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    @Test
    void aRefusedConnectionIsAFailedReplyNotAnException() throws Exception {
        int closedPort = server.actualPort();
        server.close().await(10, TimeUnit.SECONDS);
        Reply r = oneGet(new HttpTarget("gone", "127.0.0.1", closedPort, List.of("/a"), Map.of()), 2,
                Duration.ofSeconds(5));
        assertThat(r.ok()).isFalse();
        assertThat(r.status()).isZero();
        assertThat(r.describe()).contains("refused");
    }

    @Test
    void anAnswerThatTricklesForeverEndsAsAnErrorAtTheDeadline() throws Exception {
        // a body that never ends but is never silent long enough for the idle timeout: only the deadline ends it
        HttpServer trickle = vertx.createHttpServer().requestHandler(req -> {
            req.response().setChunked(true).write("[");
            long timer = vertx.setPeriodic(100, id -> req.response().write(" "));
            req.connection().closeHandler(v -> vertx.cancelTimer(timer));
        }).listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        Reply r = oneGet(new HttpTarget("trickle", "127.0.0.1", trickle.actualPort(), List.of("/a"), Map.of()), 1,
                Duration.ofMillis(500));
        assertThat(r.ok()).isFalse();
        assertThat(r.describe()).isEqualTo("status line but no complete body within 1000 ms");
    }

    @Test
    void aServerThatNeverAnswersFailsTheRequestByTheIdleTimeout() throws Exception {
        HttpServer silent = vertx.createHttpServer().requestHandler(req -> { })
                .listen(0, "127.0.0.1").await(10, TimeUnit.SECONDS);
        Reply r = oneGet(new HttpTarget("silent", "127.0.0.1", silent.actualPort(), List.of("/a"), Map.of()), 1,
                Duration.ofMillis(500));
        assertThat(r.ok()).isFalse();
        assertThat(r.describe()).contains("timeout period of 500ms");
    }

    @Test
    void manyRequestsSentFromAPlainThreadAllComeBackWhole() throws Exception {
        // the open loop sends from its own thread; every body must be seen to its end (a lost end was a lost read)
        HttpTarget target = new HttpTarget("local", "127.0.0.1", server.actualPort(), List.of("/a"), Map.of());
        int n = 20_000;
        CountDownLatch done = new CountDownLatch(n);
        AtomicInteger ok = new AtomicInteger();
        try (LoadClient client = new LoadClient(vertx, target, 32, Duration.ofSeconds(60))) {
            for (int i = 0; i < n; i++) {
                client.get("/a", System.nanoTime(), reply -> {
                    if (reply.ok()) {
                        ok.incrementAndGet();
                    }
                    done.countDown();
                });
            }
            assertThat(done.await(120, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(ok).hasValue(n);
    }
}
