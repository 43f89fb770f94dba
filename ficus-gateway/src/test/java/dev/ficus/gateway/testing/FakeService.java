package dev.ficus.gateway.testing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A stand-in for one Ficus service on a free port: {@code /health/ready}, and the routed reads with the same bodies
 * as {@link FakeMagento} (no auth: the gateway did that). It can be stopped and started again on the same port (a
 * crash and a restart), answer 5xx, lag behind Magento (404 for entities it has not received yet), or change its
 * bodies.
 */
public final class FakeService implements AutoCloseable {
    private final Vertx vertx;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile HttpServer server;
    private volatile int port;
    private volatile int failWith;
    private volatile long delayMs;
    private volatile UnaryOperator<String> bodyChange = UnaryOperator.identity();
    private volatile Predicate<String> notYet = path -> false;
    private volatile Predicate<String> failOn = path -> false;
    private volatile String notFoundBody = Shapes.NOT_FOUND;
    private volatile String catchingUpBody;
    private final java.util.concurrent.atomic.AtomicInteger probes = new java.util.concurrent.atomic.AtomicInteger();

    public FakeService(Vertx vertx) {
        this.vertx = vertx;
        this.port = 0;
        start();
    }

    public synchronized void start() {
        server = vertx.createHttpServer(new io.vertx.core.http.HttpServerOptions()
                        // as large as what the gateway lets through (NGINX in front of Magento allows 8 KiB lines)
                        .setMaxInitialLineLength(16 * 1024).setMaxHeaderSize(32 * 1024)).requestHandler(this::handle).listen(port, "127.0.0.1").await();
        port = server.actualPort();
    }

    /** Closes the port: new connections are refused, open ones are closed. */
    public synchronized void stop() {
        server.close().await();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public List<Recorded> requests() {
        return requests;
    }

    /** Reads (not probes) this service received. */
    public List<Recorded> reads() {
        return requests.stream().filter(r -> !r.path().startsWith("/health/")).toList();
    }

    /** Readiness probes this service answered. */
    public int probes() {
        return probes.get();
    }

    /** Says on /health/ready that it is well but behind by this much (202 catching_up); a negative lag: caught up. */
    public void catchingUp(long lagMs, long pending) {
        this.catchingUpBody = lagMs < 0 ? null : "{\"status\":\"catching_up\",\"lag_ms\":" + lagMs
                + ",\"pending\":" + pending + ",\"database\":\"up\",\"consumer\":\"reading\"}";
    }

    public void failWith(int status) {
        this.failWith = status;
    }

    /** Answers reads only after this delay (a slow service). */
    public void delay(long ms) {
        this.delayMs = ms;
    }

    /** Answers 404 on the reads whose path matches, as a service does before a new entity has reached it. */
    public void notYet(Predicate<String> path) {
        this.notYet = path;
    }

    /**
     * Answers 500 on the reads whose path matches, as a service does on input it cannot handle (a NUL byte that
     * reaches PostgreSQL), while Magento answers the same read with its 404.
     */
    public void failOn(Predicate<String> path) {
        this.failOn = path;
    }

    /** The body of those 404s (Magento's not-found message by default). */
    public void notFoundBody(String body) {
        this.notFoundBody = body;
    }

    public void changeBodies(UnaryOperator<String> change) {
        this.bodyChange = change;
    }

    private void handle(HttpServerRequest req) {
        if (req.path().equals("/health/ready") || req.path().equals("/health/live")) {
            String behind = catchingUpBody;
            if (req.path().equals("/health/ready")) {
                probes.incrementAndGet();
            }
            if (behind != null && req.path().equals("/health/ready")) {
                // the read services' answer while behind (ficus-services' ReadinessVerdict)
                req.response().setStatusCode(202).putHeader("Content-Type", "application/json").end(behind);
                return;
            }
            // as the read services answer when ready: with the lag of their read model
            req.response().putHeader("Content-Type", "application/json").end("{\"status\":\"UP\",\"lag_ms\":40}");
            return;
        }
        requests.add(new Recorded(req.method().name(), req.uri(), req.headers().copy(), ""));
        if (delayMs > 0) {
            vertx.setTimer(delayMs, id -> answer(req));
        } else {
            answer(req);
        }
    }

    private void answer(HttpServerRequest req) {
        if (failWith != 0 || failOn.test(req.path())) {
            req.response().setStatusCode(failWith != 0 ? failWith : 500).end("{\"message\":\"service failure\"}");
            return;
        }
        if (notYet.test(req.path())) {
            req.response().setStatusCode(404).putHeader("Content-Type", "application/json")
                    .putHeader("X-Service", "1").end(notFoundBody);
            return;
        }
        Shapes.Answer answer = Shapes.read(req.path());
        if (answer == null) {
            req.response().setStatusCode(404).end("{\"message\":\"not a read this service serves\"}");
            return;
        }
        String body = answer.status() == 200 ? bodyChange.apply(answer.body()) : answer.body();
        req.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
                .putHeader("X-Service", "1").end(body);
    }

    @Override
    public void close() {
        server.close().await();
    }
}
