package dev.ficus.gateway.health;

import dev.ficus.events.Domain;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the gateway knows about one service: healthy or not (probes, and reads that could not reach it), catching up
 * (its probe said it is well but behind: no reads, nothing counted), whether it has ever been healthy since the
 * gateway started, the consecutive failures and the last errors.
 */
public final class ServiceHealth {
    private static final int KEEP_ERRORS = 5;

    private final Domain domain;
    private final String url;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private final Deque<String> lastErrors = new ArrayDeque<>();
    private volatile boolean healthy;
    private volatile CatchingUp catchingUp;
    private volatile long reportedLagMs = -1;
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

    /**
     * How far behind a service said it is on its last probe ({@code /health/ready} answered {@code catching_up}).
     *
     * @param lagMs   age of the oldest event it has not applied; -1 when it did not say
     * @param pending events it still has to apply; -1 when it did not say
     */
    public record CatchingUp(long lagMs, long pending) {
    }

    /**
     * The lag its last probe answer reported ({@code lag_ms} of {@code /health/ready}, ready or catching up), in
     * milliseconds; -1 when the last probe failed or the answer did not say.
     */
    public long reportedLagMs() {
        return reportedLagMs;
    }

    /** Ready for reads: its last probe passed and no read since found it gone. */
    public boolean healthy() {
        return healthy;
    }

    /** The lag the service reported while it catches up, or {@code null} when it is not catching up. */
    public CatchingUp catchingUp() {
        return catchingUp;
    }

    /** {@code up}, {@code catching_up} or {@code down}: the admin API's and the gateway readiness' word for it. */
    public String state() {
        if (healthy) {
            return "up";
        }
        return catchingUp != null ? "catching_up" : "down";
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

    void probePassed(long lagMs) {
        reportedLagMs = lagMs;
        healthy = true;
        everHealthy = true;
        catchingUp = null;
        lastProbeError = null;
    }

    /** Well but behind: no reads until it has caught up, and neither a failure nor a pass. */
    void probeCatchingUp(CatchingUp lag) {
        reportedLagMs = lag.lagMs();
        healthy = false;
        catchingUp = lag;
        lastProbeError = null;
    }

    void probeFailed(String error) {
        reportedLagMs = -1;
        healthy = false;
        catchingUp = null;
        lastProbeError = error;
    }

    void unreachable() {
        healthy = false;
        catchingUp = null;
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
