package dev.ficus.gateway.flag;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps {@link Flags} in step with the store: re-reads it on a short timer (a file changes without telling anyone;
 * the interval bounds how late a change is seen) and at once when the store reports a change. Reads run on a worker
 * thread; overlapping triggers collapse into one more read.
 */
public final class FlagWatcher implements AutoCloseable {
    private final Vertx vertx;
    private final FlagStore store;
    private final Flags flags;
    private final Duration interval;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile Promise<Void> waiting = Promise.promise();
    private long timer = -1;

    public FlagWatcher(Vertx vertx, FlagStore store, Flags flags, Duration interval) {
        this.vertx = vertx;
        this.store = store;
        this.flags = flags;
        this.interval = interval;
    }

    /** Reads the store once (the first state), then keeps watching. */
    public Future<Void> start() {
        store.onChange(this::reload);
        Future<Void> first = reload();
        timer = vertx.setPeriodic(interval.toMillis(), id -> reload());
        return first;
    }

    /** Reads the store now; the future completes when a read that started after this call has been applied. */
    public synchronized Future<Void> reload() {
        Future<Void> f = waiting.future();
        if (running.compareAndSet(false, true)) {
            readOnce();
        } else {
            again.set(true);
        }
        return f;
    }

    private void readOnce() {
        Promise<Void> done;
        synchronized (this) {
            done = waiting;
            waiting = Promise.promise();
        }
        vertx.<Map<String, String>>executeBlocking(store::read, false).onComplete(ar -> {
            if (ar.succeeded()) {
                flags.apply(ar.result());
            } else if (ar.cause() instanceof IOException io) {
                flags.storeFailed(io);
            } else {
                flags.storeFailed(new IOException(ar.cause().toString(), ar.cause()));
            }
            done.tryComplete();
            boolean more;
            synchronized (this) {
                more = again.getAndSet(false);
                if (!more) {
                    running.set(false);
                }
            }
            if (more) {
                readOnce();
            }
        });
    }

    @Override
    public void close() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
