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
        List<String> segments = Route.segments(rawPath);
        if (hasDotSegment(segments)) {
            // a path that an upstream might normalise differently could reach another resource: Magento decides
            return RouteMatch.magento(rawPath);
        }
        for (Route route : routes) {
            if (route.pattern().matches(segments)) {
                return new RouteMatch(route.domain(), route.upstreamPath(segments, rawPath), route.entity());
            }
        }
        return RouteMatch.magento(rawPath);
    }

    public List<Route> routes() {
        return routes;
    }

    private static boolean hasDotSegment(List<String> segments) {
        for (String s : segments) {
            if (s.contains(".") || s.contains("%")) {
                String decoded;
                try {
                    decoded = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return true;
                }
                if (decoded.equals(".") || decoded.equals("..") || decoded.contains("/")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** For documentation and {@code ficus flags list}: the domains that have at least one route. */
    public List<Domain> routedDomains() {
        return routes.stream().flatMap(r -> r.domain().stream()).distinct().toList();
    }
}
