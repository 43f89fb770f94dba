package dev.ficus.sync.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sync's Prometheus metrics (all prefixed {@code ficus_sync_}): rows read by table, events published by topic,
 * batch sizes, extraction and publish times, how far behind the source the last handled change was, dead letters,
 * outage retries, and snapshot progress.
 */
public final class SyncMetrics {
    private final MeterRegistry registry;
    private final DistributionSummary batchSize;
    private final Timer publishTime;
    private final AtomicLong behindSourceMs = new AtomicLong();
    private final AtomicLong snapshotRowsDone = new AtomicLong();
    private final AtomicLong snapshotRowsTotal = new AtomicLong();
    private final AtomicLong waiting = new AtomicLong();

    public SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.batchSize = DistributionSummary.builder("ficus.sync.batch.size")
                .description("Row changes per engine batch").register(registry);
        this.publishTime = Timer.builder("ficus.sync.publish")
                .description("Time to publish one batch's events (pipelined XADD)").register(registry);
        Gauge.builder("ficus.sync.behind.source.ms", behindSourceMs, AtomicLong::get)
                .description("Commit time in the source to handling time, for the last streamed change")
                .register(registry);
        Gauge.builder("ficus.sync.snapshot.rows.done", snapshotRowsDone, AtomicLong::get)
                .description("Rows read by the running (or last) snapshot").register(registry);
        Gauge.builder("ficus.sync.snapshot.rows.total", snapshotRowsTotal, AtomicLong::get)
                .description("Estimated rows the snapshot will read").register(registry);
        Gauge.builder("ficus.sync.waiting", waiting, AtomicLong::get)
                .description("1 while the pipeline waits for Redis, PostgreSQL or MariaDB to come back").register(registry);
    }

    public void rows(String table, String kind, int n) {
        Counter.builder("ficus.sync.rows").description("Row changes read from the binlog or snapshot")
                .tag("table", table).tag("kind", kind).register(registry).increment(n);
    }

    public void events(String topic, String op, int n) {
        Counter.builder("ficus.sync.events").description("Events published")
                .tag("topic", topic).tag("op", op).register(registry).increment(n);
    }

    /**
     * Registers the dead-letter counter of each watched table at zero, so that Prometheus has the series before the
     * first dead letter ({@code increase()} sees that first one).
     */
    public void deadLetterTables(java.util.Collection<String> tables) {
        tables.forEach(t -> Counter.builder("ficus.sync.dead.letters").description("Changes sent to migration.dlq")
                .tag("table", t).register(registry));
    }

    public void deadLetter(String table) {
        Counter.builder("ficus.sync.dead.letters").description("Changes sent to migration.dlq")
                .tag("table", table).register(registry).increment();
    }

    public void retry(String dependency) {
        Counter.builder("ficus.sync.retries").description("Retries while a dependency was failing")
                .tag("dependency", dependency).register(registry).increment();
    }

    public void extraction(String entityType, Duration d) {
        Timer.builder("ficus.sync.extraction").description("Time to read entities' current state from Magento")
                .tag("entity", entityType).register(registry).record(d);
    }

    public void batch(int size) {
        batchSize.record(size);
    }

    public void published(Duration d) {
        publishTime.record(d);
    }

    public void behindSource(long ms) {
        behindSourceMs.set(Math.max(0, ms));
    }

    public void snapshot(long done, long total) {
        snapshotRowsDone.set(done);
        snapshotRowsTotal.set(total);
    }

    public void waiting(boolean isWaiting) {
        waiting.set(isWaiting ? 1 : 0);
    }
}
