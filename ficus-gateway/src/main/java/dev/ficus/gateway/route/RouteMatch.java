package dev.ficus.gateway.route;

import dev.ficus.gateway.Domain;
import java.util.Optional;

/**
 * Where a request path leads: the domain whose service may serve its reads (empty: Magento only) and the path both
 * upstreams get (differs from the request path only for a rewriting route).
 */
public record RouteMatch(Optional<Domain> domain, String upstreamPath) {
    public static RouteMatch magento(String path) {
        return new RouteMatch(Optional.empty(), path);
    }
}
