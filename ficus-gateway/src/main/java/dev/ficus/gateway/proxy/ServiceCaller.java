package dev.ficus.gateway.proxy;

import dev.ficus.events.Domain;
import dev.ficus.gateway.config.Upstream;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a read to a service under one deadline for the whole answer. The answer is read whole while it fits the
 * fallback buffer, so that a reset or a stall anywhere in it still leaves time to ask Magento instead; only an answer
 * larger than the buffer is streamed (and past that point a failure can no longer be hidden). A 5xx status is a
 * failure like a refused connection. A 404 on a single-entity read, when it is to be confirmed by Magento, is read to
 * its end and dropped (never held, whatever its size) before the caller hears of it.
 */
final class ServiceCaller {
    private final Vertx vertx;
    private final HttpClient client;
    private final Map<Domain, Upstream> upstreams = new EnumMap<>(Domain.class);
    private final long timeoutMs;
    private final int buffer;

    /** Connects are bounded by {@code client}'s own connect timeout (gateway.timeouts.service_connect). */
    ServiceCaller(Vertx vertx, HttpClient client, Map<Domain, Upstream> upstreams, Duration timeout, int buffer) {
        this.vertx = vertx;
        this.client = client;
        this.upstreams.putAll(upstreams);
        this.timeoutMs = Math.max(1, timeout.toMillis());
        this.buffer = buffer;
    }

    /**
     * @param pathAndQuery    the normalized target (see {@link dev.ficus.gateway.edge.RequestTarget})
     * @param confirmNotFound a 404 fails the call with {@link EntityNotFoundException} once its body has been read
     *                        and dropped, instead of being the answer
     */
    Future<ServiceReply> call(Domain domain, HttpMethod method, String pathAndQuery, MultiMap headers,
                              boolean confirmNotFound) {
        Promise<ServiceReply> promise = Promise.promise();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        long timer = vertx.setTimer(timeoutMs, id -> {
            if (promise.tryFail(new TimeoutException("no complete answer within " + timeoutMs + " ms"))) {
                HttpClientRequest r = sent.get();
                if (r != null) {
                    r.reset();
                }
            }
        });
        // connects are bounded by the client's connect timeout and the whole call by the timer above; a per-request
        // setConnectTimeout is avoided (Vert.x 5.0.7 pool-wait race, eclipse-vertx/vert.x#5966)
        RequestOptions options = upstreams.get(domain).request(method, pathAndQuery).setHeaders(headers)
                .setIdleTimeout(timeoutMs);
        client.request(options).onComplete(ar -> {
            if (ar.failed()) {
                vertx.cancelTimer(timer);
                promise.tryFail(ar.cause());
                return;
            }
            HttpClientRequest request = ar.result();
            sent.set(request);
            if (promise.future().isComplete()) {
                request.reset();
                return;
            }
            request.send().onComplete(rar -> {
                if (rar.failed()) {
                    vertx.cancelTimer(timer);
                    promise.tryFail(rar.cause());
                    return;
                }
                HttpClientResponse response = rar.result();
                if (response.statusCode() >= 500) {
                    vertx.cancelTimer(timer);
                    // read and drop the body so the connection can be reused
                    response.body();
                    promise.tryFail(new ServerErrorException(response.statusCode()));
                    return;
                }
                if (confirmNotFound && response.statusCode() == 404) {
                    discard(response, promise, timer);
                    return;
                }
                collect(response, promise, timer);
            });
        });
        return promise.future();
    }

    /**
     * Drops a 404's body as it arrives, so the connection goes back to the pool clean before Magento is asked; the
     * read's deadline still runs (a 404 whose body stalls is a timeout like any other).
     */
    private void discard(HttpClientResponse response, Promise<ServiceReply> promise, long timer) {
        response.handler(chunk -> {
        });
        response.exceptionHandler(t -> {
            vertx.cancelTimer(timer);
            promise.tryFail(t);
        });
        response.endHandler(v -> {
            vertx.cancelTimer(timer);
            promise.tryFail(new EntityNotFoundException());
        });
    }

    private void collect(HttpClientResponse response, Promise<ServiceReply> promise, long timer) {
        Buffer head = Buffer.buffer();
        boolean[] streaming = {false};
        response.handler(chunk -> {
            if (streaming[0]) {
                return;
            }
            head.appendBuffer(chunk);
            if (head.length() > buffer) {
                streaming[0] = true;
                response.pause();
                vertx.cancelTimer(timer);
                if (!promise.tryComplete(new ServiceReply(response, head, response))) {
                    response.request().reset();
                }
            }
        });
        response.exceptionHandler(t -> {
            vertx.cancelTimer(timer);
            promise.tryFail(t);
        });
        response.endHandler(v -> {
            if (!streaming[0]) {
                vertx.cancelTimer(timer);
                promise.tryComplete(new ServiceReply(response, head, null));
            }
        });
    }
}
