package dev.ficus.gateway.proxy;

import io.vertx.core.Vertx;

/**
 * A request body must keep arriving: a pause longer than the limit while the gateway is ready for more ends the
 * request (see {@link MagentoForwarder}). The connection's idle timeout alone does not bound a body, since every byte
 * restarts it. While the gateway itself holds the body back (Magento is not taking it fast enough) the clock is held:
 * that wait is not the client's. Used on the request's event loop only.
 */
final class BodyDeadline {
    private final Vertx vertx;
    private final long limitMs;
    private final Runnable onStall;
    private long timer = -1;
    private boolean finished;

    BodyDeadline(Vertx vertx, long limitMs, Runnable onStall) {
        this.vertx = vertx;
        this.limitMs = limitMs;
        this.onStall = onStall;
    }

    /** Data arrived, or the gateway is ready for more: the client has the whole limit again. */
    void restart() {
        if (finished) {
            return;
        }
        cancel();
        timer = vertx.setTimer(limitMs, id -> {
            timer = -1;
            if (!finished) {
                finished = true;
                onStall.run();
            }
        });
    }

    /** The gateway stopped reading (back-pressure): no clock runs until {@link #restart()}. */
    void hold() {
        cancel();
    }

    /** The body ended or the exchange is over. */
    void finish() {
        finished = true;
        cancel();
    }

    private void cancel() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }
}
