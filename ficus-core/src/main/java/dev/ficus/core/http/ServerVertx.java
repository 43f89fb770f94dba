package dev.ficus.core.http;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Vert.x instance of a component that serves HTTP on the request path (the gateway, the read services). It asks
 * for Netty's native epoll transport: on Linux it spends fewer system calls and thread wake-ups per request than Java's
 * NIO selector, which is most of a proxy's own cost. Where the native library cannot load (another OS or CPU), Vert.x
 * stays on NIO and a log line says why; nothing else changes.
 */
public final class ServerVertx {
    private static final Logger LOG = LoggerFactory.getLogger(ServerVertx.class);

    private ServerVertx() {
    }

    public static Vertx create(String component, VertxOptions options) {
        Vertx vertx = Vertx.vertx(new VertxOptions(options).setPreferNativeTransport(true));
        if (vertx.isNativeTransportEnabled()) {
            LOG.debug("{}: Netty native transport (epoll)", component);
        } else {
            Throwable why = vertx.unavailableNativeTransportCause();
            LOG.info("{}: Netty native transport unavailable, using Java NIO ({})", component,
                    why == null ? "no reason given" : why.toString());
        }
        return vertx;
    }
}
