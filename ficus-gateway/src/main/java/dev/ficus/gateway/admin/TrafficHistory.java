package dev.ficus.gateway.admin;

import dev.ficus.events.Domain;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The last minutes of this gateway's own meters, for the admin page's charts: every interval, per domain, the
 * requests it saw, the share a read service answered, the p99 of their time through the gateway and the fallbacks.
 * Each point is the difference between two readings of the cumulative meters ({@code http.request.duration} with its
 * buckets, {@code ficus.gateway.fallbacks}), so nothing is recorded twice and a quiet interval has no p99.
 */
public final class TrafficHistory {
    /** Points kept per domain. */
    public static final int POINTS = 60;

    /**
     * One interval of one domain; {@code routedShare} and {@code p99Seconds} are null when it had no request,
     * {@code lagSeconds} (the service's own, as its last readiness probe reported it) when it is unknown.
     */
    public record Point(long at, long requests, Double routedShare, Double p99Seconds, long fallbacks,
                        Double lagSeconds) {
    }

    private record Reading(long requests, long routed, long fallbacks, TreeMap<Double, Double> buckets) {
    }

    private final MeterRegistry registry;
    private final Map<Domain, Reading> last = new EnumMap<>(Domain.class);
    private final Map<Domain, Deque<Point>> points = new EnumMap<>(Domain.class);

    public TrafficHistory(MeterRegistry registry) {
        this.registry = registry;
        for (Domain d : Domain.values()) {
            points.put(d, new ArrayDeque<>());
        }
    }

    /** Reads the meters and adds one point per domain (the first call only takes the starting reading). */
    public synchronized void sample(long nowMillis) {
        for (Domain d : Domain.values()) {
            Reading now = read(d);
            Reading before = last.put(d, now);
            if (before == null) {
                continue;
            }
            long requests = Math.max(0, now.requests() - before.requests());
            Double share = requests == 0 ? null : Math.max(0, now.routed() - before.routed()) / (double) requests;
            Deque<Point> series = points.get(d);
            series.addLast(new Point(nowMillis, requests, share, p99(before.buckets(), now.buckets(), requests),
                    Math.max(0, now.fallbacks() - before.fallbacks()), lag(d)));
            while (series.size() > POINTS) {
                series.removeFirst();
            }
        }
    }

    /** Per domain id, its points, oldest first. */
    public synchronized Map<String, List<Point>> points() {
        Map<String, List<Point>> out = new TreeMap<>();
        points.forEach((d, series) -> out.put(d.id(), new ArrayList<>(series)));
        return out;
    }

    private Double lag(Domain d) {
        Gauge g = registry.find("ficus.gateway.service.lag.seconds").tag("service", d.id()).gauge();
        double v = g == null ? Double.NaN : g.value();
        return Double.isNaN(v) ? null : v;
    }

    private Reading read(Domain d) {
        long requests = 0;
        long routed = 0;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (Timer t : registry.find("http.request.duration").tag("domain", d.id()).timers()) {
            requests += t.count();
            if (d.id().equals(t.getId().getTag("backend"))) {
                routed += t.count();
            }
            for (CountAtBucket b : t.takeSnapshot().histogramCounts()) {
                buckets.merge(b.bucket(TimeUnit.SECONDS), b.count(), Double::sum);
            }
        }
        double fallbacks = 0;
        for (Counter c : registry.find("ficus.gateway.fallbacks").tag("domain", d.id()).counters()) {
            fallbacks += c.count();
        }
        return new Reading(requests, routed, Math.round(fallbacks), buckets);
    }

    /**
     * The upper bound of the bucket that holds the 99th percentile of the interval's requests; the largest bound when
     * it lies beyond every bucket (the chart then shows the top of the scale, not a made-up value).
     */
    static Double p99(TreeMap<Double, Double> before, TreeMap<Double, Double> now, long requests) {
        if (requests == 0 || now.isEmpty()) {
            return null;
        }
        double target = 0.99 * requests;
        for (Map.Entry<Double, Double> b : now.entrySet()) {
            double inInterval = b.getValue() - before.getOrDefault(b.getKey(), 0.0);
            if (inInterval >= target) {
                return b.getKey();
            }
        }
        return now.lastKey();
    }
}
