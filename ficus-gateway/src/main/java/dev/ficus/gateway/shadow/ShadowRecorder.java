package dev.ficus.gateway.shadow;

import dev.ficus.events.Domain;
import dev.ficus.gateway.metrics.GatewayMetrics;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counts shadow outcomes per domain (also as metrics) and keeps the latest differences. */
public final class ShadowRecorder {
    public static final List<String> RESULTS = List.of("match", "difference", "error", "skipped");

    private final int keep;
    private final GatewayMetrics metrics;
    private final Map<Domain, Map<String, AtomicLong>> counts = new EnumMap<>(Domain.class);
    private final Deque<ShadowDifference> latest = new ArrayDeque<>();

    public ShadowRecorder(int keep, GatewayMetrics metrics) {
        this.keep = keep;
        this.metrics = metrics;
        for (Domain d : Domain.values()) {
            Map<String, AtomicLong> m = new LinkedHashMap<>();
            RESULTS.forEach(r -> m.put(r, new AtomicLong()));
            counts.put(d, m);
        }
    }

    public void match(Domain d) {
        count(d, "match");
    }

    public void difference(Domain d, ShadowDifference difference) {
        count(d, "difference");
        synchronized (latest) {
            latest.addLast(difference);
            while (latest.size() > keep) {
                latest.removeFirst();
            }
        }
    }

    public void error(Domain d) {
        count(d, "error");
    }

    public void skipped(Domain d) {
        count(d, "skipped");
    }

    private void count(Domain d, String result) {
        counts.get(d).get(result).incrementAndGet();
        metrics.shadow(d, result);
    }

    /** domain → result → count. */
    public Map<String, Map<String, Long>> counts() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        counts.forEach((d, m) -> {
            Map<String, Long> c = new LinkedHashMap<>();
            m.forEach((k, v) -> c.put(k, v.get()));
            out.put(d.id(), c);
        });
        return out;
    }

    /** Newest last. */
    public List<ShadowDifference> latest() {
        synchronized (latest) {
            return new ArrayList<>(latest);
        }
    }
}
