package dev.ficus.bench.services;

import dev.ficus.events.Domain;
import dev.ficus.services.runtime.ServiceRuntime;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How fast a read service applies events: the service starts with a fresh consumer group on topics that already hold
 * the whole snapshot, and the bench waits until it has taken every entry (applied, skipped or dead-lettered, from its
 * own counters). Two rates come out: over the wall time from start (database migration and connection set-up
 * included, what an operator waits for), and over the time spent inside apply batches (the apply path alone).
 */
public final class ApplyThroughput {
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Duration IDLE_END = Duration.ofSeconds(3);

    /**
     * @param events       entries in the service's topics
     * @param wallSeconds  from the start call to the last entry taken
     * @param batchSeconds time spent applying and committing batches
     */
    public record Result(long events, double wallSeconds, double batchSeconds) {
        public double eventsPerWallSecond() {
            return wallSeconds <= 0 ? 0 : events / wallSeconds;
        }

        public double eventsPerBatchSecond() {
            return batchSeconds <= 0 ? 0 : events / batchSeconds;
        }
    }

    private ApplyThroughput() {
    }

    /** Starts {@code service} on the stack (it keeps running) and measures how long it takes to catch up. */
    public static Result measure(BenchStack stack, Domain service) throws InterruptedException {
        long events = service.topics().stream().mapToLong(stack::streamLength).sum();
        long start = System.nanoTime();
        ServiceRuntime runtime = stack.startService(service).runtime(service);
        MeterRegistry registry = runtime.registry();
        long deadline = start + TIMEOUT.toNanos();
        long taken = taken(registry);
        long lastProgressAt = System.nanoTime();
        while (taken < events) {
            Thread.sleep(10);
            long now = System.nanoTime();
            long current = taken(registry);
            if (current > taken) {
                taken = current;
                lastProgressAt = now;
            } else if (runtime.caughtUp() && now - lastProgressAt > IDLE_END.toNanos()) {
                // the consumer has nothing left to read: an entry no counter saw must not hang the bench
                break;
            }
            if (now > deadline) {
                throw new IllegalStateException(service.id() + " took " + taken + " of " + events
                        + " events within " + TIMEOUT);
            }
        }
        Timer batches = registry.find("ficus.apply.batch").timer();
        double batchSeconds = batches == null ? 0 : batches.totalTime(TimeUnit.NANOSECONDS) / 1e9;
        return new Result(taken, (lastProgressAt - start) / 1e9, batchSeconds);
    }

    private static long taken(MeterRegistry registry) {
        return (long) (sum(registry, "ficus.events.applied") + sum(registry, "ficus.events.skipped")
                + sum(registry, "ficus.dead.letters"));
    }

    private static double sum(MeterRegistry registry, String name) {
        return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }
}
