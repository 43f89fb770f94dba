package dev.ficus.bench.load;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A constant request rate, whatever the server does: request {@code i} leaves at its scheduled time (or at once, when
 * the sender is behind), and its latency counts from that scheduled time. A server that stalls for 100 ms is thus
 * charged for every request due in those 100 ms, not for one (no coordinated omission).
 *
 * <p>The schedule runs on the calling thread, which sleeps between sends (no spinning: the bench shares its cores with
 * the servers it measures). A wake-up later than planned is counted in the latency too, so the figures are an upper
 * bound by the scheduler's jitter (tens of microseconds on Linux).
 */
public final class OpenLoopLoad {
    private static final Logger LOG = LoggerFactory.getLogger(OpenLoopLoad.class);

    /**
     * @param rate        requests per second
     * @param warmup      sent but not counted (JIT, connection set-up, caches)
     * @param duration    the measured window after the warm-up
     * @param connections most connections open at once
     * @param timeout     a request that waits this long for a connection, or whose connection stays silent this
     *                    long, counts as an error
     */
    public record Settings(double rate, Duration warmup, Duration duration, int connections, Duration timeout) {
        public Settings {
            new RateSchedule(rate);
            Window.check(warmup, duration);
            if (connections < 1) {
                throw new IllegalArgumentException("an open-loop run needs at least one connection, was " + connections);
            }
        }
    }

    private OpenLoopLoad() {
    }

    public static LoadResult run(Vertx vertx, HttpTarget target, Settings settings) {
        return run(vertx, target, settings, reply -> { });
    }

    /**
     * Runs the load and returns once every request sent has been answered or timed out; {@code observer} sees every
     * reply, warm-up included, from Vert.x threads.
     */
    public static LoadResult run(Vertx vertx, HttpTarget target, Settings settings, Consumer<Reply> observer) {
        RateSchedule schedule = new RateSchedule(settings.rate());
        PathCycle paths = PathCycle.shuffled(target.paths(), 42);
        long warmupNanos = settings.warmup().toNanos();
        long totalNanos = warmupNanos + settings.duration().toNanos();
        long count = schedule.requestsWithin(totalNanos);
        Tally tally = new Tally();
        AtomicLong inFlight = new AtomicLong();
        LOG.info("open loop: {} at {} req/s for {} ms (+{} ms warm-up), {} connections", target.name(),
                LoadResult.perSecond(settings.rate()), settings.duration().toMillis(), settings.warmup().toMillis(), settings.connections());
        try (LoadClient client = new LoadClient(vertx, target, settings.connections(), settings.timeout())) {
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                long offset = schedule.offsetNanos(i);
                long intended = start + offset;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                boolean measured = offset >= warmupNanos;
                if (measured) {
                    tally.sent();
                }
                inFlight.incrementAndGet();
                client.get(paths.next(), intended, reply -> {
                    if (measured) {
                        tally.reply(reply);
                    }
                    observer.accept(reply);
                    inFlight.decrementAndGet();
                });
            }
            awaitDrained(inFlight, settings.timeout());
        }
        return tally.result(settings.duration().toNanos() / 1e9);
    }

    /**
     * Waits for the last answers: each ends within three times the timeout (at most one in the client's queue, then
     * the exchange's own deadline of two).
     */
    private static void awaitDrained(AtomicLong inFlight, Duration timeout) {
        long deadline = System.nanoTime() + 3 * timeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        if (inFlight.get() > 0) {
            LOG.warn("{} requests still unanswered after the timeout; they are not counted", inFlight.get());
        }
    }
}
