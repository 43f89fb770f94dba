package dev.ficus.gateway.proxy;

import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.config.Upstream;
import dev.ficus.gateway.edge.EdgeLog;
import dev.ficus.gateway.health.FailureReason;
import dev.ficus.gateway.metrics.GatewayMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request to Magento and streams Magento's answer back, bodies flowing in both directions with
 * back-pressure. The request body is counted against the size limit as it passes.
 */
final class MagentoForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(MagentoForwarder.class);

    /** Something that wants to see Magento's answer as it streams by (a shadow read). */
    interface Tap {
        void chunk(Buffer chunk);

        void done(int status, MultiMap headers);
    }

    private final Vertx vertx;
    private final HttpClient client;
    private final Upstream magento;
    private final GatewayConfig config;
    private final GatewayMetrics metrics;

    MagentoForwarder(Vertx vertx, HttpClient client, Upstream magento, GatewayConfig config, GatewayMetrics metrics) {
        this.vertx = vertx;
        this.client = client;
        this.magento = magento;
        this.config = config;
        this.metrics = metrics;
    }

    void forward(Exchange ex, String fallbackReason, Tap tap) {
        forward(ex, fallbackReason, tap, null);
    }

    /**
     * @param magentoStatus told Magento's status as soon as its response head arrives, or 0 when Magento could not be
     *                      reached or did not answer in time
     */
    void forward(Exchange ex, String fallbackReason, Tap tap, IntConsumer magentoStatus) {
        HttpServerRequest req = ex.request();
        ex.backend("magento");
        boolean body = Headers.hasBody(req);
        RequestOptions options = magento.request(req.method(), ex.upstreamUri())
                // the client's connect timeout bounds connects; no per-request setConnectTimeout (Vert.x 5.0.7 pool-wait
                // race, eclipse-vertx/vert.x#5966, can leave the request never completed)
                .setIdleTimeout(config.timeouts().magento().toMillis());
        client.request(options).onComplete(ar -> {
            if (ar.failed()) {
                tell(magentoStatus, 0);
                fail(ex, ar.cause());
                return;
            }
            HttpClientRequest upstream = ar.result();
            Headers.forUpstream(req, config.trustForwardedHeaders(), upstream.headers());
            upstream.response().onComplete(rar -> {
                if (rar.failed()) {
                    tell(magentoStatus, 0);
                    fail(ex, rar.cause());
                } else {
                    tell(magentoStatus, rar.result().statusCode());
                    respond(ex, rar.result(), fallbackReason, tap);
                }
            });
            if (body) {
                pipeBody(ex, upstream);
            } else {
                upstream.end();
            }
        });
    }

    private static void tell(IntConsumer listener, int status) {
        if (listener != null) {
            listener.accept(status);
        }
    }

    private void respond(Exchange ex, HttpClientResponse upstream, String fallbackReason, Tap tap) {
        HttpServerResponse resp = ex.request().response();
        if (resp.ended() || resp.headWritten()) {
            upstream.request().reset();
            return;
        }
        upstream.pause();
        resp.setStatusCode(upstream.statusCode());
        if (upstream.statusMessage() != null) {
            resp.setStatusMessage(upstream.statusMessage());
        }
        Headers.copyResponse(upstream.headers(), resp.headers(), true);
        if (config.backendHeaders()) {
            resp.putHeader(Headers.BACKEND, "magento");
            if (fallbackReason != null) {
                resp.putHeader(Headers.FALLBACK, fallbackReason);
            }
        }
        boolean hasBody = Relay.hasBody(ex.request().method().name(), upstream.statusCode());
        if (hasBody && upstream.getHeader("Content-Length") == null) {
            resp.setChunked(true);
        }
        Consumer<Buffer> chunks = tap == null ? null : tap::chunk;
        Runnable onEnd = tap == null ? null : () -> tap.done(upstream.statusCode(), upstream.headers());
        Relay.body(upstream, ex, chunks, onEnd);
    }

    /** Streams the client's body to Magento, stopping at the size limit or when the body stalls. */
    private void pipeBody(Exchange ex, HttpClientRequest upstream) {
        HttpServerRequest req = ex.request();
        if (req.getHeader("Content-Length") == null) {
            upstream.setChunked(true);
        }
        long max = config.limits().maxBodySize();
        long[] seen = {0};
        BodyDeadline deadline = new BodyDeadline(vertx, config.timeouts().clientBody().toMillis(), () -> {
            metrics.clientTimeout("shop", "body");
            EdgeLog.BODY_TIMEOUT.note("a request body stalled longer than gateway.timeouts.client_body ("
                    + config.timeouts().clientBody().toMillis() + " ms): answered 408 and closed");
            // the 408 first, for the same reason as the 413 below
            GatewayErrors.send(req, 408, GatewayErrors.BODY_TIMEOUT, config.backendHeaders(), true);
            upstream.reset();
        });
        req.handler(chunk -> {
            seen[0] += chunk.length();
            if (seen[0] > max) {
                deadline.finish();
                // the 413 first: resetting the upstream fails its response at once when its connection lives on
                // this event loop, and that failure must find the client answered already, not answer it 502
                EdgeLog.BODY_SIZE.note("a request body over gateway.limits.max_body_size (" + max
                        + " bytes) was cut off with 413");
                GatewayErrors.refuseBody(req, GatewayErrors.BODY_TOO_LARGE, config.backendHeaders());
                upstream.reset();
                return;
            }
            upstream.write(chunk);
            if (upstream.writeQueueFull()) {
                req.pause();
                deadline.hold();
                upstream.drainHandler(v -> {
                    deadline.restart();
                    req.resume();
                });
            } else {
                deadline.restart();
            }
        });
        req.endHandler(v -> {
            deadline.finish();
            if (seen[0] <= max) {
                upstream.end();
            }
        });
        req.exceptionHandler(t -> {
            deadline.finish();
            upstream.reset();
        });
        upstream.exceptionHandler(t -> {
            deadline.finish();
            LOG.debug("sending a request body to Magento failed: {}", t.toString());
        });
        deadline.restart();
        req.resume();
    }

    private void fail(Exchange ex, Throwable cause) {
        FailureReason reason = FailureReason.classify(cause);
        HttpServerResponse resp = ex.request().response();
        if (resp.ended()) {
            return;
        }
        // a body that was not read (whole) must not be taken for the next request on this connection
        boolean unreadBody = Headers.hasBody(ex.request()) && !ex.request().isEnded();
        if (reason == FailureReason.TIMEOUT) {
            LOG.warn("Magento did not answer {} {} within gateway.timeouts.magento ({} ms): {}", ex.request().method(),
                    ex.route().upstreamPath(), config.timeouts().magento().toMillis(), cause.toString());
            GatewayErrors.send(ex.request(), 504, GatewayErrors.MAGENTO_TIMEOUT, config.backendHeaders(), unreadBody);
        } else {
            LOG.warn("Magento did not answer {} {} ({}): {}", ex.request().method(), ex.route().upstreamPath(),
                    reason.label(), cause.toString());
            GatewayErrors.send(ex.request(), 502, GatewayErrors.MAGENTO_UNREACHABLE, config.backendHeaders(),
                    unreadBody);
        }
    }
}
