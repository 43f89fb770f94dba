package dev.ficus.services.runtime;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The metrics of one read service, all tagged {@code service}:
 * <ul>
 *   <li>{@code ficus_events_applied_total{topic}}: events that changed the read model;</li>
 *   <li>{@code ficus_events_skipped_total{topic,reason}}: events that changed nothing ({@code stale}: older than or
 *       equal to what was applied, {@code superseded}: a newer one of the same entity in the same batch,
 *       {@code unhandled}: not for this read model, {@code empty}: no payload);</li>
 *   <li>{@code ficus_events_failed_total{topic}}: failed attempts; {@code ficus_dead_letters_total{topic}}: entries
 *       sent to {@code migration.dlq};</li>
 *   <li>{@code ficus_apply_batch_seconds}: time to apply and commit one batch (histogram);</li>
 *   <li>{@code ficus_sync_lag_seconds}: apply time minus the source commit time, per applied event (histogram);</li>
 *   <li>{@code ficus_consumer_pending_entries{topic}}: entries the group read but did not acknowledge;
 *       {@code ficus_consumer_lag_seconds{topic}}: age of the oldest entry this instance has not applied;</li>
 *   <li>{@code ficus_batch_failures_total}: batches that failed as a whole (database down) and were tried again;</li>
 *   <li>{@code http_request_duration_seconds{method,route,status}}: HTTP requests (histogram).</li>
 * </ul>
 */
public final class ServiceMetrics {
    private static final Duration[] LAG_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofMinutes(5)};
    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final String service;
    private final Timer batchTimer;
    private final Timer syncLag;
    private final Counter batchFailures;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lagMillis = new ConcurrentHashMap<>();

    public ServiceMetrics(MeterRegistry registry, String service) {
        this.registry = registry;
        this.service = service;
        this.batchTimer = Timer.builder("ficus.apply.batch").description("Time to apply and commit one batch")
                .tag("service", service).serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        this.syncLag = Timer.builder("ficus.sync.lag")
                .description("Apply time minus the commit time of the change in Magento's database")
                .tag("service", service).serviceLevelObjectives(LAG_BUCKETS).register(registry);
        this.batchFailures = Counter.builder("ficus.batch.failures")
                .description("Batches that failed as a whole and were tried again").tag("service", service)
                .register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public void applied(String topic, int n) {
        if (n > 0) {
            Counter.builder("ficus.events.applied").description("Events that changed the read model")
                    .tags("service", service, "topic", topic).register(registry).increment(n);
        }
    }

    public void skipped(String topic, String reason) {
        Counter.builder("ficus.events.skipped").description("Events that changed nothing")
                .tags("service", service, "topic", topic, "reason", reason).register(registry).increment();
    }

    public void failed(String topic) {
        Counter.builder("ficus.events.failed").description("Failed attempts to apply an event")
                .tags("service", service, "topic", topic).register(registry).increment();
    }

    /**
     * Registers the dead-letter counter of each topic at zero, so that Prometheus has the series before the first dead
     * letter: {@code increase()} sees that first one, and the dashboard and alerts find the name on a quiet service.
     */
    public void deadLetterTopics(java.util.Collection<String> topics) {
        topics.forEach(t -> Counter.builder("ficus.dead.letters").description("Entries sent to migration.dlq")
                .tags("service", service, "topic", t).register(registry));
    }

    public void deadLettered(String topic) {
        Counter.builder("ficus.dead.letters").description("Entries sent to migration.dlq")
                .tags("service", service, "topic", topic).register(registry).increment();
    }

    public void batch(long nanos) {
        batchTimer.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void batchFailed() {
        batchFailures.increment();
    }

    /** One applied event's lag: now minus the source commit time; clock skew never makes it negative. */
    public void syncLag(long sourceCommitMillis, long nowMillis) {
        if (sourceCommitMillis > 0) {
            syncLag.record(Math.max(0, nowMillis - sourceCommitMillis), TimeUnit.MILLISECONDS);
        }
    }

    public void pending(String topic, long entries) {
        pending.computeIfAbsent(topic, t -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder("ficus.consumer.pending.entries", holder, AtomicLong::get)
                    .description("Entries the group read but did not acknowledge")
                    .tags("service", service, "topic", t).register(registry);
            return holder;
        }).set(entries);
    }

    public void lag(String topic, long millis) {
        lagMillis.computeIfAbsent(topic, t -> {
            AtomicLong holder = new AtomicLong();
            Gauge.builder("ficus.consumer.lag", holder, h -> h.get() / 1000.0).baseUnit("seconds")
                    .description("Age of the oldest entry this instance has not applied")
                    .tags("service", service, "topic", t).register(registry);
            return holder;
        }).set(millis);
    }

    public Timer httpTimer(String method, String route, int status) {
        return Timer.builder("http.request.duration").description("HTTP requests served")
                .tags("service", service, "method", method, "route", route, "status", Integer.toString(status))
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
    }
}
