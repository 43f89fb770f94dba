package dev.ficus.bench.sync;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Something that sees the load's changes arrive (the sync's topic, or Debezium alone for the baseline) and hands
 * each marker, with the time it was seen, to the current step's {@link MarkerMatcher}.
 */
abstract class MarkerTail implements AutoCloseable {
    private volatile MarkerMatcher target;
    private final AtomicLong highestSeen = new AtomicLong(-1);

    /** Where markers seen from now on go; {@code null} drops them (between steps). */
    void route(MarkerMatcher matcher) {
        target = matcher;
    }

    /** A price seen at {@code nanos}, passed on to the current step. */
    protected void seen(BigDecimal price, long nanos) {
        if (price == null) {
            return;
        }
        // a price below the base is one the load never wrote (the fixture's): older than any marker
        long marker = price.compareTo(BigDecimal.valueOf(PriceChanges.MARKER_BASE)) < 0
                ? -1 : price.longValue() - PriceChanges.MARKER_BASE;
        highestSeen.accumulateAndGet(marker, Math::max);
        MarkerMatcher matcher = target;
        if (matcher != null) {
            matcher.published(marker, nanos);
        }
    }

    /** Waits until {@code marker} (or a later one) was seen; false when {@code timeout} passed first. */
    boolean awaitSeen(long marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (highestSeen.get() < marker) {
            failure();
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Throws when the tail stopped with an error. */
    abstract void failure();

    @Override
    public abstract void close();
}
