package dev.ficus.sync.health;

import java.util.concurrent.atomic.AtomicReference;

/** What the sync is doing now, for /health/ready and the logs. */
public final class SyncState {
    public enum Phase { STARTING, STANDBY, SNAPSHOT, STREAMING, RESTARTING, STOPPED }

    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STARTING);
    private final AtomicReference<String> waitingFor = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private volatile long lastBatchAtMs;
    private volatile boolean engineStopping;

    public Phase phase() {
        return phase.get();
    }

    public void phase(Phase p) {
        phase.set(p);
    }

    /** Moves to a running phase, unless the sync was stopped meanwhile. */
    public void running(Phase p) {
        phase.updateAndGet(current -> current == Phase.STOPPED ? current : p);
    }

    /** The dependency the pipeline is waiting for (redis, postgres, mariadb), or {@code null}. */
    public String waitingFor() {
        return waitingFor.get();
    }

    public void waitingFor(String dependency) {
        waitingFor.set(dependency);
    }

    public String lastError() {
        return lastError.get();
    }

    public void lastError(String error) {
        lastError.set(error);
    }

    public long lastBatchAtMs() {
        return lastBatchAtMs;
    }

    public void batchHandled() {
        lastBatchAtMs = System.currentTimeMillis();
    }

    /** True while the running engine is being stopped (lease lost): a batch waiting for a server gives up. */
    public boolean engineStopping() {
        return engineStopping || phase() == Phase.STOPPED;
    }

    public void engineStopping(boolean stopping) {
        engineStopping = stopping;
    }

    public boolean ready() {
        Phase p = phase();
        return (p == Phase.SNAPSHOT || p == Phase.STREAMING) && waitingFor() == null;
    }
}
