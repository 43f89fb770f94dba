package dev.ficus.bench.gateway;

import dev.ficus.bench.load.Reply;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Who answered the reads of a run, by the gateway's {@code X-Ficus-Backend} header ({@code none} without it). */
public final class BackendCounts implements Consumer<Reply> {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void accept(Reply reply) {
        String backend = reply.status() == 0 ? "no answer" : reply.backend() == null ? "none" : reply.backend();
        counts.computeIfAbsent(backend, b -> new LongAdder()).increment();
    }

    public long count(String backend) {
        LongAdder n = counts.get(backend);
        return n == null ? 0 : n.sum();
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** True when at least one read was counted and every one came from {@code backend}. */
    public boolean allFrom(String backend) {
        long total = total();
        return total > 0 && count(backend) == total;
    }

    /** {@code catalog 100.0 %} or {@code catalog 97.5 %, magento 2.5 %}, by name. */
    public String describe() {
        long total = total();
        if (total == 0) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        new TreeMap<>(counts).forEach((backend, n) -> {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(backend).append(' ').append(GatewayBudgets.percent(n.sum(), total));
        });
        return out.toString();
    }
}
