package dev.ficus.gateway.edge;

import dev.ficus.gateway.metrics.GatewayMetrics;
import io.netty.channel.Channel;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every client connection of one listening port is held to, shared by the server instances on that port: at
 * most {@code maxConnections} open at once (one more is closed at once, and the log says so), and a request head that
 * has begun must arrive whole within {@code headTimeout} ({@link HeadDeadline}), and the head's framing is checked
 * before anything acts on it ({@link RequestFraming}).
 */
public final class ConnectionGuard implements Handler<HttpConnection> {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    /** The name Vert.x 5 gives the HTTP/1.x request decoder in a server connection's pipeline. */
    private static final String VERTX_DECODER = "httpDecoder";

    private final String port;
    private final int maxConnections;
    private final long headTimeoutNanos;
    private final byte[] headTimeoutResponse;
    private final GatewayMetrics metrics;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicBoolean warnedUnguarded = new AtomicBoolean();

    /**
     * @param port                which port this guards, for the log and the metrics ("shop", "management")
     * @param headTimeoutResponse the whole response (a 408 that closes) a client gets whose head did not arrive
     */
    public ConnectionGuard(String port, int maxConnections, Duration headTimeout, byte[] headTimeoutResponse,
                           GatewayMetrics metrics) {
        this.port = port;
        this.maxConnections = maxConnections;
        this.headTimeoutNanos = headTimeout.toNanos();
        this.headTimeoutResponse = headTimeoutResponse;
        this.metrics = metrics;
        metrics.clientConnections(port, open::get);
    }

    @Override
    public void handle(HttpConnection conn) {
        int now = open.incrementAndGet();
        conn.closeHandler(v -> open.decrementAndGet());
        if (now > maxConnections) {
            metrics.connectionRefused(port);
            EdgeLog.CONNECTION_LIMIT.note("the " + port + " port has " + maxConnections + " client connections open "
                    + "(gateway.limits.max_connections): new ones are closed at once until some end");
            conn.close();
            return;
        }
        Channel channel = conn instanceof ConnectionBase base ? base.channel() : null;
        boolean guarded = channel != null && HeadDeadline.install(channel.pipeline(), VERTX_DECODER,
                headTimeoutNanos, headTimeoutResponse, () -> {
                    metrics.clientTimeout(port, "head");
                    EdgeLog.HEAD_TIMEOUT.note("a client on the " + port + " port did not send its request head "
                            + "within gateway.timeouts.client_header (" + Duration.ofNanos(headTimeoutNanos).toMillis()
                            + " ms): answered 408 and closed");
                });
        // the gateway serves HTTP/1.x only (no TLS ALPN, no cleartext upgrade), so every connection has the decoder
        if (guarded) {
            RequestFraming.install(channel.pipeline(), VERTX_DECODER);
        }
        if (!guarded && warnedUnguarded.compareAndSet(false, true)) {
            LOG.warn("the request head time limit and the framing checks cannot be applied on the {} port: this "
                    + "Vert.x version does not expose the connection's pipeline as expected ({}); slow clients are "
                    + "bounded by gateway.timeouts.client_idle only", port, conn.getClass().getName());
        }
    }
}
