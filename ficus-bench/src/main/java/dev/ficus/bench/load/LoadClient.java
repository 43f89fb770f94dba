package dev.ficus.bench.load;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Sends the GETs of a load run over at most N keep-alive connections to one target, one request per connection at a
 * time. Each answer's body is read to the end (a reader pays for the bytes), and every outcome, failures included,
 * comes back as a {@link Reply}.
 *
 * <p>Requests beyond N wait here, in order, and the wait counts in their latency. One that has waited longer than the
 * timeout is failed without being sent: sending it anyway would make the server work for an answer nobody counts, and
 * a server that fell behind once would never catch up again (the load generator itself would keep it overloaded).
 * A request that was sent fails when its connection stays silent for the timeout, and any request that has not ended
 * twice the timeout after it was sent ends then as an error: none is left unanswered.
 */
final class LoadClient implements AutoCloseable {
    private final Vertx vertx;
    private final HttpClientAgent client;
    private final HttpTarget target;
    private final int connections;
    private final long timeoutMillis;
    private final long timeoutNanos;
    private final Context[] contexts;
    private final AtomicInteger nextContext = new AtomicInteger();
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private int busy;

    private record Pending(String path, long intendedNanos, Consumer<Reply> done) {
    }

    LoadClient(Vertx vertx, HttpTarget target, int connections, Duration timeout) {
        if (connections < 1) {
            throw new IllegalArgumentException("a load run needs at least one connection, was " + connections);
        }
        this.vertx = vertx;
        // asked from a plain thread, each call gives a new context on the next event loop
        this.contexts = new Context[] {vertx.getOrCreateContext(), vertx.getOrCreateContext()};
        this.target = target;
        this.connections = connections;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    /** Sends a GET of {@code path} now, or as soon as a connection is free; {@code done} gets its outcome. */
    void get(String path, long intendedNanos, Consumer<Reply> done) {
        Pending p = new Pending(path, intendedNanos, done);
        synchronized (this) {
            if (busy >= connections) {
                waiting.add(p);
                return;
            }
            busy++;
        }
        send(p);
    }

    /**
     * Every exchange starts on one of the client's own event-loop contexts. Started from a plain thread (the
     * open loop's sender), a response's head could be handed to this code on another thread than the one that goes
     * on reading its body, and now and then the body's end was never seen.
     */
    private void send(Pending p) {
        Context context = contexts[Math.floorMod(nextContext.getAndIncrement(), contexts.length)];
        if (Vertx.currentContext() == context) {
            exchange(p);
        } else {
            context.runOnContext(v -> exchange(p));
        }
    }

    private void exchange(Pending p) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(target.host())
                .setPort(target.port()).setURI(p.path()).setIdleTimeout(timeoutMillis);
        target.headers().forEach(options::putHeader);
        // the idle timeout covers neither the wait for a pooled connection nor, once the status line is in, a body
        // whose end never comes; so each exchange also has a deadline of twice the timeout, which ends it as an
        // error, says where it stalled and frees its place
        AtomicBoolean ended = new AtomicBoolean();
        AtomicReference<HttpClientRequest> acquired = new AtomicReference<>();
        AtomicBoolean headReceived = new AtomicBoolean();
        long deadline = vertx.setTimer(2 * timeoutMillis, id -> {
            if (ended.compareAndSet(false, true)) {
                HttpClientRequest r = acquired.get();
                if (r != null) {
                    r.reset();
                }
                // which side stalled: the load generator's own pool, or the server once the request was out
                String stage = r == null ? "no pooled connection (load generator) within "
                        : headReceived.get() ? "status line but no complete body within " : "no answer within ";
                finish(p, new Reply(p.intendedNanos(), System.nanoTime(), 0, null, stage + 2 * timeoutMillis + " ms"));
            }
        });
        Future<Reply> answer;
        try {
            answer = client.request(options)
                    .compose(request -> {
                        acquired.set(request);
                        if (ended.get()) {
                            // the deadline passed while it waited for a connection: give the connection back
                            request.reset();
                            return Future.failedFuture("ended by the deadline");
                        }
                        return request.send();
                    })
                    .compose(response -> {
                        headReceived.set(true);
                        return response.body().map(body -> new Reply(p.intendedNanos(), System.nanoTime(),
                                response.statusCode(), response.getHeader(Reply.BACKEND_HEADER), null));
                    });
        } catch (RuntimeException e) {
            // a client failure must cost one request, not the whole run
            answer = Future.failedFuture(e);
        }
        answer.otherwise(failure -> new Reply(p.intendedNanos(), System.nanoTime(), 0, null, reason(failure)))
                .onComplete(ar -> {
                    if (ended.compareAndSet(false, true)) {
                        vertx.cancelTimer(deadline);
                        finish(p, ar.result());
                    }
                });
    }

    private void finish(Pending p, Reply reply) {
        p.done().accept(reply);
        next();
    }

    /** A connection is free: the oldest waiting request that has not timed out yet gets it. */
    private void next() {
        while (true) {
            Pending p;
            synchronized (this) {
                p = waiting.poll();
                if (p == null) {
                    busy--;
                    return;
                }
            }
            long now = System.nanoTime();
            if (now - p.intendedNanos() <= timeoutNanos) {
                send(p);
                return;
            }
            p.done().accept(new Reply(p.intendedNanos(), now, 0, null,
                    "no free connection within " + timeoutMillis + " ms"));
        }
    }

    /** Requests waiting for a connection and requests sent but not answered yet. */
    synchronized int outstanding() {
        return busy + waiting.size();
    }

    private static String reason(Throwable failure) {
        String message = failure.getMessage();
        String name = failure.getClass().getSimpleName();
        if (message == null || message.isBlank()) {
            return name;
        }
        // keep a report cell readable: the first line, at most 80 characters
        String first = message.lines().findFirst().orElse("");
        return name + ": " + (first.length() > 80 ? first.substring(0, 80) + "…" : first);
    }

    @Override
    public void close() {
        try {
            client.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the Vert.x instance the client belongs to is closed next anyway
        }
    }
}
