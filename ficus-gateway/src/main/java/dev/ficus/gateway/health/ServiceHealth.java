package dev.ficus.gateway.health;

import dev.ficus.events.Domain;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the gateway knows about one service: healthy or not (probes, and reads that could not reach it), whether it
 * has ever been healthy since the gateway started, the consecutive failures and the last errors.
 */
public final class ServiceHealth {
    private static final int KEEP_ERRORS = 5;

    private final Domain domain;
    private final String url;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final Deque<String> lastErrors = new ArrayDeque<>();
    private volatile boolean healthy;
    private volatile boolean everHealthy;
    private volatile String lastProbeError;

    public ServiceHealth(Domain domain, String url) {
        this.domain = domain;
        this.url = url;
    }

    public Domain domain() {
        return domain;
    }

    public String url() {
        return url;
    }

    public boolean healthy() {
        return healthy;
    }

    boolean everHealthy() {
        return everHealthy;
    }

    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    public String lastProbeError() {
        return lastProbeError;
    }

    void probePassed() {
        healthy = true;
        everHealthy = true;
        lastProbeError = null;
    }

    void probeFailed(String error) {
        healthy = false;
        lastProbeError = error;
    }

    void unreachable() {
        healthy = false;
    }

    int failed(String error) {
        synchronized (lastErrors) {
            lastErrors.addLast(error);
            while (lastErrors.size() > KEEP_ERRORS) {
                lastErrors.removeFirst();
            }
        }
        return consecutiveFailures.incrementAndGet();
    }

    void succeeded() {
        if (consecutiveFailures.get() != 0) {
            consecutiveFailures.set(0);
        }
    }

    void resetFailures() {
        consecutiveFailures.set(0);
    }

    public List<String> lastErrors() {
        synchronized (lastErrors) {
            return new ArrayList<>(lastErrors);
        }
    }
}
