package dev.ficus.services.runtime;

import io.vertx.core.Handler;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * Times every request into {@code http_request_duration_seconds{method,route,status}}. The route is the matched
 * path template ({@code /rest/V1/products/:sku}), never the raw path, so SKUs do not multiply the series.
 */
final class HttpMetricsHandler implements Handler<RoutingContext> {
    /** Context key for the route template of a request routed by {@link RestRoutes} rather than by a Vert.x route. */
    static final String ROUTE = "ficus.route";

    private final ServiceMetrics metrics;

    HttpMetricsHandler(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addBodyEndHandler(v -> {
            Route route = ctx.currentRoute();
            String template = ctx.get(ROUTE);
            if (template == null) {
                template = route == null || route.getPath() == null ? "unmatched" : route.getPath();
            }
            metrics.httpTimer(ctx.request().method().name(), template, ctx.response().getStatusCode())
                    .record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        });
        ctx.next();
    }
}
