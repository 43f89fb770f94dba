package dev.ficus.sync.source;

import dev.ficus.core.failure.Backoff;
import dev.ficus.sync.health.SyncState;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Debezium async embedded engine on its own thread and keeps it running.
 *
 * <ul>
 *   <li>It streams only while it holds the {@link Lease}; without it, it stands by and tries again every third of the
 *       lease's time to live. A lease lost while streaming (not renewed within its time to live) stops the engine at
 *       once and sends the runner back to standby.</li>
 *   <li>When the engine stops with an error (the source database went away for longer than Debezium's own retries,
 *       say), a new engine is built after a backoff and resumes from the stored offsets. A closed engine cannot be
 *       restarted, hence a new one each time.</li>
 *   <li>{@link #close()} closes the current engine exactly once — a second close of a closed or failed engine throws,
 *       and an unguarded one can hang the JVM's shutdown.</li>
 * </ul>
 */
public final class EngineRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EngineRunner.class);

    private final Properties properties;
    private final DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> consumer;
    private final SyncState state;
    private final Backoff backoff;
    private final Lease lease;
    private final Duration leaseTtl;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicReference<DebeziumEngine<RecordChangeEvent<SourceRecord>>> current = new AtomicReference<>();
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ficus-sync-lease");
        t.setDaemon(true);
        return t;
    });
    private final Thread thread;
    private volatile long leaseRenewedAtNanos;

    public EngineRunner(Properties properties, DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> consumer,
                        SyncState state, Backoff backoff, Lease lease, Duration leaseTtl) {
        this.properties = properties;
        this.consumer = consumer;
        this.state = state;
        this.backoff = backoff;
        this.lease = lease;
        this.leaseTtl = leaseTtl;
        this.thread = new Thread(this::supervise, "ficus-sync-engine");
    }

    public void start() {
        started.set(true);
        thread.start();
    }

    private void supervise() {
        int failures = 0;
        try {
            while (!closed.get()) {
                if (!awaitLease()) {
                    break;
                }
                AtomicBoolean leaseLost = new AtomicBoolean();
                ScheduledFuture<?> renewal = keeper.scheduleWithFixedDelay(() -> keepLease(leaseLost),
                        renewEveryMs(), renewEveryMs(), TimeUnit.MILLISECONDS);
                String failure = runEngine();
                renewal.cancel(false);
                state.engineStopping(false);
                if (closed.get()) {
                    break;
                }
                if (leaseLost.get()) {
                    LOG.error("lease lost; the engine stopped and this sync stands by");
                    continue;
                }
                String why = failure == null ? "the engine stopped" : failure;
                state.phase(SyncState.Phase.RESTARTING);
                state.lastError(why);
                LOG.error("Debezium engine stopped: {}; starting a new one in {} ms", why,
                        backoff.after(failures + 1).toMillis());
                backoff.sleepAfter(++failures);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lease.close();
            state.phase(SyncState.Phase.STOPPED);
        }
    }

    /** Blocks until this process holds the lease; false when closed meanwhile. */
    private boolean awaitLease() throws InterruptedException {
        boolean announced = false;
        while (!closed.get()) {
            try {
                if (lease.holdOrTake()) {
                    leaseRenewedAtNanos = System.nanoTime();
                    if (announced) {
                        LOG.info("lease taken; this sync streams now");
                    }
                    return true;
                }
                if (!announced) {
                    LOG.info("another sync holds the lease ({}); standing by", lease.holder());
                    announced = true;
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot check the lease: {}", e.getMessage());
            }
            state.phase(SyncState.Phase.STANDBY);
            Thread.sleep(renewEveryMs());
        }
        return false;
    }

    private void keepLease(AtomicBoolean lost) {
        boolean held;
        try {
            held = lease.holdOrTake();
            if (held) {
                leaseRenewedAtNanos = System.nanoTime();
            }
        } catch (RuntimeException e) {
            // the store is unreachable: the lease holds until its time to live has passed since the last renewal
            held = System.nanoTime() - leaseRenewedAtNanos < leaseTtl.toNanos();
            LOG.warn("cannot renew the lease: {}", e.getMessage());
        }
        if (!held && lost.compareAndSet(false, true)) {
            stopEngine();
        }
    }

    private long renewEveryMs() {
        return Math.max(100, leaseTtl.toMillis() / 3);
    }

    /** Builds and runs one engine until it stops; returns why it failed, or null. */
    private String runEngine() {
        AtomicReference<String> failure = new AtomicReference<>();
        DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(properties)
                .notifying(consumer)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        state.running(SyncState.Phase.STREAMING);
                        LOG.info("Debezium task started");
                    }
                })
                .using((success, message, error) -> {
                    if (!success) {
                        failure.set(message + (error == null ? "" : ": " + rootMessage(error)));
                    }
                })
                .build();
        current.set(engine);
        if (closed.get()) {
            stopEngine();
            return null;
        }
        try {
            engine.run();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, rootMessage(e));
        }
        current.compareAndSet(engine, null);
        return failure.get();
    }

    /** Closes the running engine once; a batch waiting for a server gives up (its offsets stay behind). */
    private void stopEngine() {
        state.engineStopping(true);
        DebeziumEngine<RecordChangeEvent<SourceRecord>> engine = current.getAndSet(null);
        if (engine != null) {
            try {
                engine.close();
            } catch (Exception e) {
                LOG.debug("closing the engine: {}", e.getMessage());
            }
        }
    }

    /** Stops the engine (waiting for the batch in hand to finish or be abandoned), releases the lease. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        state.phase(SyncState.Phase.STOPPED);
        stopEngine();
        try {
            thread.join(30_000);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        keeper.shutdownNow();
        if (!started.get()) {
            // the supervising thread releases the lease when it ends; it never ran
            lease.close();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }
}
