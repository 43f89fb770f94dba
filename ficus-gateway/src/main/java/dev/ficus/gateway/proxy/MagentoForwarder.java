package dev.ficus.gateway.proxy;

import dev.ficus.gateway.GatewayConfig;
import dev.ficus.gateway.health.FailureReason;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import java.util.function.Consumer;
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

    private final HttpClient client;
    private final String base;
    private final GatewayConfig config;

    MagentoForwarder(HttpClient client, String magentoBaseUrl, GatewayConfig config) {
        this.client = client;
        this.base = magentoBaseUrl;
        this.config = config;
    }

    void forward(Exchange ex, String fallbackReason, Tap tap) {
        HttpServerRequest req = ex.request();
        ex.backend("magento");
        boolean body = Headers.hasBody(req);
        RequestOptions options = new RequestOptions().setMethod(req.method()).setAbsoluteURI(base + ex.upstreamUri())
                .setHeaders(Headers.forUpstream(req, config.trustForwardedHeaders()))
                // the client's connect timeout bounds connects; no per-request setConnectTimeout (Vert.x 5.0.7 pool-wait
                // race, eclipse-vertx/vert.x#5966, can leave the request never completed)
                .setIdleTimeout(config.timeouts().magento().toMillis());
        client.request(options).onComplete(ar -> {
            if (ar.failed()) {
                fail(ex, ar.cause());
                return;
            }
            HttpClientRequest upstream = ar.result();
            upstream.response().onComplete(rar -> {
                if (rar.failed()) {
                    fail(ex, rar.cause());
                } else {
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

    /** Streams the client's body to Magento, stopping at the size limit. */
    private void pipeBody(Exchange ex, HttpClientRequest upstream) {
        HttpServerRequest req = ex.request();
        if (req.getHeader("Content-Length") == null) {
            upstream.setChunked(true);
        }
        long max = config.limits().maxBodySize();
        long[] seen = {0};
        req.handler(chunk -> {
            seen[0] += chunk.length();
            if (seen[0] > max) {
                // the 413 first: resetting the upstream fails its response at once when its connection lives on
                // this event loop, and that failure must find the client answered already, not answer it 502
                GatewayErrors.refuseBody(req, "Request body is larger than the gateway allows ("
                        + max + " bytes: gateway.limits.max_body_size).", config.backendHeaders());
                upstream.reset();
                return;
            }
            upstream.write(chunk);
            if (upstream.writeQueueFull()) {
                req.pause();
                upstream.drainHandler(v -> req.resume());
            }
        });
        req.endHandler(v -> {
            if (seen[0] <= max) {
                upstream.end();
            }
        });
        req.exceptionHandler(t -> upstream.reset());
        upstream.exceptionHandler(t -> LOG.debug("sending a request body to Magento failed: {}", t.toString()));
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
        LOG.warn("Magento did not answer {} {}: {}", ex.request().method(), ex.upstreamUri(), cause.toString());
        if (reason == FailureReason.TIMEOUT) {
            GatewayErrors.send(ex.request(), 504, "Magento did not answer within the gateway's time limit ("
                    + config.timeouts().magento().toMillis() + " ms: gateway.timeouts.magento).",
                    config.backendHeaders(), unreadBody);
        } else {
            GatewayErrors.send(ex.request(), 502, "Magento cannot be reached (" + reason.label() + ").",
                    config.backendHeaders(), unreadBody);
        }
    }
}
