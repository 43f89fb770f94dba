package dev.ficus.bench.load;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The highest rate a target sustains: each of N connections sends its next request as soon as the previous answer is
 * complete, for the whole window. Latencies here are service times under saturation (from the actual send), useful
 * only next to the throughput; the open loop gives the latencies a user would see at a given rate.
 */
public final class ClosedLoopLoad {
    private static final Logger LOG = LoggerFactory.getLogger(ClosedLoopLoad.class);

    /**
     * @param connections requests in flight at once, one per connection
     * @param warmup      run but not counted
     * @param duration    the measured window
     * @param timeout     a request whose connection stays silent this long counts as an error
     */
    public record Settings(int connections, Duration warmup, Duration duration, Duration timeout) {
        public Settings {
            if (connections < 1) {
                throw new IllegalArgumentException("a closed-loop run needs at least one connection, was " + connections);
            }
            Window.check(warmup, duration);
        }
    }

    private ClosedLoopLoad() {
    }

    public static LoadResult run(Vertx vertx, HttpTarget target, Settings settings) {
        return run(vertx, target, settings, reply -> { });
    }

    /** Runs the load; {@code observer} sees every reply, warm-up included, from Vert.x threads. */
    public static LoadResult run(Vertx vertx, HttpTarget target, Settings settings, Consumer<Reply> observer) {
        PathCycle paths = PathCycle.shuffled(target.paths(), 42);
        Tally tally = new Tally();
        LOG.info("closed loop: {} with {} connections for {} ms (+{} ms warm-up)", target.name(), settings.connections(),
                settings.duration().toMillis(), settings.warmup().toMillis());
        try (LoadClient client = new LoadClient(vertx, target, settings.connections(), settings.timeout())) {
            long start = System.nanoTime();
            long measureFrom = start + settings.warmup().toNanos();
            long end = measureFrom + settings.duration().toNanos();
            CountDownLatch finished = new CountDownLatch(settings.connections());
            for (int c = 0; c < settings.connections(); c++) {
                new Sender(client, paths, tally, observer, measureFrom, end, finished).next();
            }
            long waitNanos = end - System.nanoTime() + 2 * settings.timeout().toNanos() + TimeUnit.SECONDS.toNanos(1);
            if (!finished.await(waitNanos, TimeUnit.NANOSECONDS)) {
                LOG.warn("some connections still wait for answers after the timeout; they are not counted");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a closed-loop run", e);
        }
        return tally.result(settings.duration().toNanos() / 1e9);
    }

    /** One connection's worth of back-to-back requests. */
    private record Sender(LoadClient client, PathCycle paths, Tally tally, Consumer<Reply> observer,
                          long measureFrom, long end, CountDownLatch finished) {
        void next() {
            long sentAt = System.nanoTime();
            if (sentAt >= end) {
                finished.countDown();
                return;
            }
            boolean measured = sentAt >= measureFrom;
            if (measured) {
                tally.sent();
            }
            client.get(paths.next(), sentAt, reply -> {
                if (measured) {
                    tally.reply(reply);
                }
                observer.accept(reply);
                next();
            });
        }
    }
}
