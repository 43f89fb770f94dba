package dev.ficus.gateway.route;

import dev.ficus.events.Domain;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ordered route table: the first route whose pattern matches decides. Configured routes come before the defaults,
 * so a route to {@code magento} can take a path back from a domain.
 */
public final class RouteTable {
    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    public static RouteTable from(RoutesConfig config) {
        List<Route> all = new ArrayList<>(config.extra());
        if (config.defaults()) {
            all.addAll(DefaultRoutes.magentoRestPaths());
        }
        if (config.shortProducts()) {
            all.addAll(DefaultRoutes.shortProductPaths());
        }
        return new RouteTable(all);
    }

    public RouteMatch resolve(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/")) {
            return RouteMatch.magento(rawPath == null ? "/" : rawPath);
        }
        if (hasDotSegment(rawPath)) {
            // a path that an upstream might normalise differently could reach another resource: Magento decides
            return RouteMatch.magento(rawPath);
        }
        for (Route route : routes) {
            if (route.pattern().matches(rawPath)) {
                return new RouteMatch(route.domain(), route.upstreamPath(rawPath), route.entity());
            }
        }
        return RouteMatch.magento(rawPath);
    }

    public List<Route> routes() {
        return routes;
    }

    /** Walks the segments in place: only one that holds a dot or an escape is cut out and decoded. */
    private static boolean hasDotSegment(String path) {
        for (int from = 1; from <= path.length(); ) {
            int slash = path.indexOf('/', from);
            int end = slash < 0 ? path.length() : slash;
            if (suspicious(path, from, end) && dotOrSlash(path.substring(from, end))) {
                return true;
            }
            from = end + 1;
        }
        return false;
    }

    private static boolean suspicious(String path, int from, int end) {
        for (int i = from; i < end; i++) {
            char c = path.charAt(i);
            if (c == '.' || c == '%') {
                return true;
            }
        }
        return false;
    }

    /** Whether a segment decodes to a dot segment or holds an encoded slash (or cannot be decoded). */
    private static boolean dotOrSlash(String s) {
        String decoded;
        try {
            decoded = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return true;
        }
        return decoded.equals(".") || decoded.equals("..") || decoded.contains("/");
    }

    /** For documentation and {@code ficus flags list}: the domains that have at least one route. */
    public List<Domain> routedDomains() {
        return routes.stream().flatMap(r -> r.domain().stream()).distinct().toList();
    }
}
