package dev.ficus.check;

import dev.ficus.core.config.ConfigReader;
import dev.ficus.core.http.HealthEndpoints;
import dev.ficus.core.http.HealthEndpoints.Readiness;
import dev.ficus.core.metrics.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ficus check --every}: a check every {@code every} (from one run's start to the next; a run that takes longer
 * is followed at once, never overlapped), its figures as Prometheus gauges ({@link CheckMetrics}) on {@code /metrics},
 * with {@code /health/live} and {@code /health/ready}. A run that cannot complete (a database down) is counted and
 * logged with what to do, and the loop goes on: the next run tries again.
 */
public final class PeriodicCheck implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicCheck.class);

    /** One complete check; each run may connect afresh, so a database that was down is found again. */
    @FunctionalInterface
    public interface Run {
        CheckReport run() throws Exception;
    }

    private final Run run;
    private final Duration every;
    /** As people write it: 15m. */
    private final String everyText;
    private final CheckMetrics metrics;
    private final Clock clock;
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final Vertx vertx;
    private final HttpServer http;
    private final Thread loop;
    private volatile boolean closing;

    private PeriodicCheck(Run run, Duration every, List<Target> targets, String host, int port) throws Exception {
        this.run = run;
        this.every = every;
        this.everyText = ConfigReader.formatDuration(every);
        this.clock = Clock.systemUTC();
        PrometheusMeterRegistry registry = Metrics.newRegistry("check");
        this.metrics = new CheckMetrics(registry, targets);
        this.vertx = Vertx.vertx();
        try {
            Router router = Router.router(vertx);
            HealthEndpoints.mount(router, () -> Future.succeededFuture(readiness()), registry);
            this.http = vertx.createHttpServer().requestHandler(router).listen(port, host)
                    .await(30, TimeUnit.SECONDS);
        } catch (Exception | Error e) {
            vertx.close();
            throw e;
        }
        this.loop = new Thread(this::loop, "ficus-check-every");
        loop.setDaemon(true);
    }

    /** Serves /metrics and /health/* on {@code host:port} (0 picks a free port) and starts the first run now. */
    public static PeriodicCheck start(Run run, Duration every, List<Target> targets, String host, int port)
            throws Exception {
        if (every.isZero() || every.isNegative()) {
            throw new IllegalArgumentException("the interval must be positive, got " + every);
        }
        PeriodicCheck p = new PeriodicCheck(run, every, targets, host, port);
        p.loop.start();
        LOG.info("check every {}: metrics and health on {}:{}", p.everyText, host, p.port());
        return p;
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            long started = System.nanoTime();
            runOnce();
            long sleep = every.toNanos() - (System.nanoTime() - started);
            try {
                if (sleep > 0) {
                    TimeUnit.NANOSECONDS.sleep(sleep);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** One run: its figures go to the gauges, or, when it cannot complete, to the failure counter and the log. */
    void runOnce() {
        try {
            CheckReport report = run.run();
            Instant at = clock.instant();
            metrics.completed(report, at);
            completed.incrementAndGet();
            lastError.set(null);
            LOG.info("check run {}: {} entities, {} mismatches{}; next in {}", completed.get(), report.entities(),
                    report.problems().size(), report.problems().isEmpty() ? "" : " (" + byTarget(report) + ")",
                    everyText);
            if (!report.problems().isEmpty()) {
                LOG.warn("mismatches:\n{}", report.toTable());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | Error e) {
            if (closing) {
                // the run was cut short by close(): not a failure of the platform
                return;
            }
            metrics.failed();
            failed.incrementAndGet();
            lastError.set(e.toString());
            LOG.error("check run could not complete ({}); the gauges keep the last complete run's figures and "
                    + "ficus_check_run_failures_total counts this one. Make sure magento.database and platform.postgres "
                    + "are reachable with the configured users (ficus preflight checks Magento's side); the next run "
                    + "is in {}", e, everyText);
        }
    }

    private static String byTarget(CheckReport report) {
        StringBuilder sb = new StringBuilder();
        for (CheckReport.Tally t : report.tallies()) {
            if (t.mismatches() > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(t.target().label()).append(' ').append(t.mismatches());
            }
        }
        return sb.toString();
    }

    /** Ready while the last run completed (or none has been tried yet): a failing run makes it not ready. */
    private Readiness readiness() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("runs_completed", completed.get());
        details.put("runs_failed", failed.get());
        details.put("every", everyText);
        String error = lastError.get();
        if (error != null) {
            details.put("last_error", error);
            return Readiness.notReady(details);
        }
        return Readiness.ok(details);
    }

    /** The port /metrics and /health/* listen on (the real one when 0 was asked for). */
    public int port() {
        return http.actualPort();
    }

    /** Runs that completed so far. */
    public long completedRuns() {
        return completed.get();
    }

    /** Runs that could not complete so far. */
    public long failedRuns() {
        return failed.get();
    }

    @Override
    public void close() {
        closing = true;
        loop.interrupt();
        try {
            loop.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            http.close().await(10, TimeUnit.SECONDS);
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("closing the metrics server: {}", e.getMessage());
        }
    }
}
