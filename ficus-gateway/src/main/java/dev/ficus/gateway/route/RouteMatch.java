package dev.ficus.gateway.route;

import dev.ficus.events.Domain;
import java.util.Optional;

/**
 * Where a request path leads: the domain whose service may serve its reads (empty: Magento only), the path both
 * upstreams get (differs from the request path only for a rewriting route), and whether it names one entity
 * ({@link Route#entity()}).
 */
public record RouteMatch(Optional<Domain> domain, String upstreamPath, boolean entity) {
    public static RouteMatch magento(String path) {
        return new RouteMatch(Optional.empty(), path, false);
    }
}
