package dev.ficus.check;

import dev.ficus.events.Domain;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gauges of {@code ficus check --every}: per domain the mismatches, the largest lag and the entities of the last
 * complete run, the time of that run, and a counter of the runs that could not complete. Until the first run
 * completes the gauges read NaN (not measured), never a reassuring 0. A failed run leaves them as the last complete
 * run set them: the timestamp then stops moving, which is what an alert on staleness watches.
 */
public final class CheckMetrics {
    /**
     * The names as Prometheus scrapes them. The alert rules and the dashboard in deploy/ query these; the tests of
     * deploy/ take them as exported because {@code PeriodicCheckIT} scrapes every one of them.
     */
    public static final List<String> EXPORTED = List.of("ficus_check_mismatches", "ficus_check_lag_seconds",
            "ficus_check_entities_checked", "ficus_check_last_run_timestamp_seconds", "ficus_check_run_failures_total");

    private final Map<Domain, AtomicLong> mismatches = new EnumMap<>(Domain.class);
    private final Map<Domain, AtomicLong> lagMillis = new EnumMap<>(Domain.class);
    private final Map<Domain, AtomicLong> entities = new EnumMap<>(Domain.class);
    private final AtomicLong lastRunMillis = new AtomicLong(-1);
    private final Counter failures;

    /** Registers the gauges of the domains of {@code targets}. */
    public CheckMetrics(MeterRegistry registry, List<Target> targets) {
        for (Target t : targets) {
            Domain d = t.domain();
            if (mismatches.containsKey(d)) {
                continue;
            }
            mismatches.put(d, gauge(registry, "ficus.check.mismatches", null, d,
                    "Entities that differ from Magento (different, missing or extra) in the last complete run"));
            lagMillis.put(d, gauge(registry, "ficus.check.lag", "seconds", d,
                    "The largest updated_at lag (platform against Magento) seen in the last complete run"));
            entities.put(d, gauge(registry, "ficus.check.entities.checked", null, d,
                    "Entities checked in the last complete run"));
        }
        Gauge.builder("ficus.check.last.run.timestamp", lastRunMillis, v -> v.get() < 0 ? Double.NaN : v.get() / 1e3)
                .baseUnit("seconds").description("When the last complete run finished (Unix time)")
                .register(registry);
        failures = Counter.builder("ficus.check.run.failures")
                .description("Runs that could not complete (a database unreachable, a query failing)")
                .register(registry);
    }

    private static AtomicLong gauge(MeterRegistry registry, String name, String unit, Domain domain, String help) {
        AtomicLong value = new AtomicLong(-1);
        boolean seconds = "seconds".equals(unit);
        Gauge.builder(name, value, v -> v.get() < 0 ? Double.NaN : seconds ? v.get() / 1e3 : v.get())
                .baseUnit(unit).tag("domain", domain.id()).description(help).register(registry);
        return value;
    }

    /** A run completed: its figures replace the previous run's. */
    public void completed(CheckReport report, Instant at) {
        Map<Domain, long[]> byDomain = new EnumMap<>(Domain.class);
        for (CheckReport.Tally t : report.tallies()) {
            long[] v = byDomain.computeIfAbsent(t.target().domain(), d -> new long[3]);
            v[0] += t.mismatches();
            v[1] = Math.max(v[1], t.maxLagSeconds() == null ? 0 : Math.round(t.maxLagSeconds() * 1e3));
            v[2] += t.checked();
        }
        byDomain.forEach((d, v) -> {
            if (mismatches.containsKey(d)) {
                mismatches.get(d).set(v[0]);
                lagMillis.get(d).set(v[1]);
                entities.get(d).set(v[2]);
            }
        });
        lastRunMillis.set(at.toEpochMilli());
    }

    /** A run could not complete: counted; the gauges keep the last complete run's figures. */
    public void failed() {
        failures.increment();
    }
}
