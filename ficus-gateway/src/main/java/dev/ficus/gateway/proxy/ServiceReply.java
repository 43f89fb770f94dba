package dev.ficus.gateway.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;

/**
 * A service's answer: whole ({@code rest} is null) when it fit the fallback buffer, or its first part plus the
 * paused rest of the stream when it did not.
 */
record ServiceReply(HttpClientResponse response, Buffer head, HttpClientResponse rest) {
    boolean complete() {
        return rest == null;
    }
}
