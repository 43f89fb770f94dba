package dev.ficus.gateway.proxy;

import dev.ficus.gateway.metrics.GatewayMetrics;
import dev.ficus.gateway.route.RouteMatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * One client request on its way through the gateway: where it is routed, which backend answers, and the metric
 * recorded once when its response ends (or its connection drops).
 */
final class Exchange {
    private final HttpServerRequest request;
    private final long startNanos;
    private final GatewayMetrics metrics;
    private final Context context;
    private RouteMatch route;
    private String query;
    private volatile String domain = GatewayMetrics.NO_DOMAIN;
    private volatile String backend = "gateway";
    private boolean recorded;
    private volatile Runnable onClose;

    Exchange(HttpServerRequest request, GatewayMetrics metrics) {
        this.request = request;
        this.startNanos = System.nanoTime();
        this.metrics = metrics;
        this.context = Vertx.currentContext();
        request.response().endHandler(v -> record(request.response().getStatusCode()));
        request.response().closeHandler(v -> {
            record(request.response().ended() ? request.response().getStatusCode() : 0);
            Runnable r = onClose;
            if (r != null) {
                r.run();
            }
        });
    }

    /** Runs when the client's connection closes before or after the response (to stop an upstream transfer). */
    void onClose(Runnable action) {
        this.onClose = action;
    }

    /** Runs an action on the request's event loop (a shared token check may complete on another one). */
    void onRequestThread(Runnable action) {
        if (context == null || Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    HttpServerRequest request() {
        return request;
    }

    /** Where the request goes: its route, and the normalized query (null when none) that goes with the route's path. */
    void route(RouteMatch match, String query) {
        this.route = match;
        this.query = query;
        this.domain = match.domain().map(d -> d.id()).orElse(GatewayMetrics.NO_DOMAIN);
    }

    RouteMatch route() {
        return route;
    }

    void backend(String name) {
        this.backend = name;
    }

    /** The path and query the upstreams get: normalized, never the client's raw target. */
    String upstreamUri() {
        return query == null ? route.upstreamPath() : route.upstreamPath() + "?" + query;
    }

    private synchronized void record(int status) {
        if (recorded) {
            return;
        }
        recorded = true;
        metrics.request(domain, backend, request.method().name(), status, System.nanoTime() - startNanos);
    }
}
