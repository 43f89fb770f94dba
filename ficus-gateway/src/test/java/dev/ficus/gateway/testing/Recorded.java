package dev.ficus.gateway.testing;

import io.vertx.core.MultiMap;

/** A request as an upstream stand-in received it. */
public record Recorded(String method, String uri, MultiMap headers, String body) {
    public String path() {
        int q = uri.indexOf('?');
        return q < 0 ? uri : uri.substring(0, q);
    }
}
