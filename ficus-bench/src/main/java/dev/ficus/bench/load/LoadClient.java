package dev.ficus.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sends the GETs of a load run over a pool of keep-alive connections to one target. Each answer's body is read to
 * the end (a reader pays for the bytes), and every outcome, failures included, comes back as a {@link Reply}.
 */
final class LoadClient implements AutoCloseable {
    private final HttpClientAgent client;
    private final HttpTarget target;
    private final long timeoutMillis;

    LoadClient(Vertx vertx, HttpTarget target, int connections, Duration timeout) {
        if (connections < 1) {
            throw new IllegalArgumentException("a load run needs at least one connection, was " + connections);
        }
        this.target = target;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        // The wait queue is unbounded on purpose: in an open-loop run a request waiting for a free connection is
        // part of its latency. The overall timeout is the future's own (below), not the request's connect timeout,
        // whose expiry while a request waits in the pool trips "Promise already completed" in Vert.x 5.0.
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    /** A GET of {@code path}; the future always succeeds, with status 0 and the reason when no answer came. */
    Future<Reply> get(String path, long intendedNanos) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(target.host())
                .setPort(target.port()).setURI(path).setIdleTimeout(timeoutMillis);
        target.headers().forEach(options::putHeader);
        Future<Reply> answer;
        try {
            answer = client.request(options)
                    .compose(request -> request.send())
                    .compose(response -> response.body().map(body -> new Reply(intendedNanos, System.nanoTime(),
                            response.statusCode(), response.getHeader(Reply.BACKEND_HEADER), null)))
                    .timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // a client failure must cost one request, not the whole run
            answer = Future.failedFuture(e);
        }
        return answer.otherwise(failure -> new Reply(intendedNanos, System.nanoTime(), 0, null, reason(failure)));
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
