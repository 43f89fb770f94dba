package dev.ficus.gateway.proxy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.Consumer;

/** Streams an upstream's response body to the client with back-pressure, optionally showing each chunk to a tap. */
final class Relay {
    private Relay() {
    }

    static void body(HttpClientResponse from, Exchange exchange, Consumer<Buffer> tap, Runnable onEnd) {
        HttpServerResponse to = exchange.request().response();
        from.handler(chunk -> {
            if (tap != null) {
                tap.accept(chunk);
            }
            to.write(chunk);
            if (to.writeQueueFull()) {
                from.pause();
                to.drainHandler(v -> from.resume());
            }
        });
        from.exceptionHandler(t -> {
            // the status line is out: the only honest thing left is to cut the connection
            to.reset();
        });
        from.endHandler(v -> {
            to.end();
            if (onEnd != null) {
                onEnd.run();
            }
        });
        exchange.onClose(() -> {
            if (!to.ended()) {
                from.request().reset();
            }
        });
        from.resume();
    }

    /** Whether a response to this request with this status carries a body. */
    static boolean hasBody(String method, int status) {
        return !method.equals("HEAD") && status >= 200 && status != 204 && status != 304;
    }
}
