package dev.ficus.services.runtime;

import dev.ficus.magento.api.request.PhpUrlDecoding;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A service's Magento REST paths, routed the way Magento routes them, on the raw request path: a first segment after
 * {@code /rest} that is a store code (or {@code all}) picks the store, any other leaves the default store and stays
 * part of the path (Webapi\Controller\PathProcessor); the rest is split on "/" and must have as many parts as a route,
 * its fixed parts equal and its variables PHP-{@code urldecode}d (Webapi\Controller\Rest\Router\Route). A path that
 * matches no GET route gets Magento's "Request does not match any route." 404.
 *
 * <p>Vert.x's own routing would decode and normalize the path first: it refuses a "%" without hex digits with an
 * exception (a plain-text 400 and an error in the log), merges "//", keeps "+" and reads bytes that are not UTF-8 as
 * U+FFFD, where PHP keeps, splits, decodes and passes them on. So this handler is mounted before any route with a path,
 * answers every {@code /rest} request itself and lets only the service's own paths (health, metrics) through.
 */
public final class RestRoutes implements Handler<RoutingContext> {
    /** Answers one matched request. */
    @FunctionalInterface
    public interface Endpoint {
        void handle(RoutingContext ctx, RestRequest request);
    }

    private record Route(String path, List<String> parts, Endpoint endpoint) {
    }

    private final StoreCodes stores;
    private final List<Route> routes = new ArrayList<>();

    public RestRoutes(StoreCodes stores) {
        this.stores = stores;
    }

    /**
     * Adds {@code GET /rest[/<store code>]/V1/<path>}; {@code path} names variables as {@code :name}. Routes are added
     * before the server starts.
     */
    public void get(String path, Endpoint endpoint) {
        routes.add(new Route(path, List.of(("V1/" + path).split("/")), endpoint));
    }

    @Override
    public void handle(RoutingContext ctx) {
        // PathInfo drops repeated slashes at the start only
        String path = "/" + stripLeadingSlashes(ctx.request().path());
        if (!path.equals("/rest") && !path.startsWith("/rest/")) {
            if (PhpUrlDecoding.keepsAPercentSign(path)) {
                // not a path of this service in any case; Vert.x would log its decoding failure as an error
                send(ctx, "unmatched", MagentoErrors.noRoute());
            } else {
                ctx.next();
            }
            return;
        }
        String afterRest = stripLeadingSlashes(trimSlashes(path).substring("rest".length()));
        String[] storeAndPath = afterRest.split("/", 2);
        OptionalLong store = stores.storeId(storeAndPath[0]);
        long storeId = store.orElse(stores.defaultStoreId());
        String routePath = store.isEmpty() ? afterRest : storeAndPath.length > 1 ? storeAndPath[1] : "";
        String[] segments = trimSlashes(routePath).split("/", -1);
        Route matched = null;
        Map<String, String> params = null;
        if (ctx.request().method() == HttpMethod.GET) {
            for (Route route : routes) {
                Map<String, String> p = match(route, segments);
                // Magento takes the last match in path order, so "customers/me" wins over "customers/:customerId"
                if (p != null && (matched == null || route.path().compareTo(matched.path()) > 0)) {
                    matched = route;
                    params = p;
                }
            }
        }
        if (matched == null) {
            send(ctx, "/rest/*", MagentoErrors.noRoute());
            return;
        }
        ctx.put(HttpMetricsHandler.ROUTE, (store.isEmpty() ? "/rest/V1/" : "/rest/:store/V1/") + matched.path());
        matched.endpoint().handle(ctx, new RestRequest(storeId, params));
    }

    private static Map<String, String> match(Route route, String[] segments) {
        if (route.parts().size() != segments.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String part = route.parts().get(i);
            if (part.startsWith(":")) {
                params.put(part.substring(1), PhpUrlDecoding.decode(segments[i]));
            } else if (!part.equals(segments[i])) {
                return null;
            }
        }
        return params;
    }

    private static void send(RoutingContext ctx, String route, Answer answer) {
        ctx.put(HttpMetricsHandler.ROUTE, route);
        ServiceContext.send(ctx, answer);
    }

    private static String stripLeadingSlashes(String s) {
        int from = 0;
        while (from < s.length() && s.charAt(from) == '/') {
            from++;
        }
        return s.substring(from);
    }

    private static String trimSlashes(String s) {
        String t = stripLeadingSlashes(s);
        int to = t.length();
        while (to > 0 && t.charAt(to - 1) == '/') {
            to--;
        }
        return t.substring(0, to);
    }
}
