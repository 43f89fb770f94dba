package dev.ficus.bench.sync;

import dev.ficus.bench.report.Latencies;
import java.util.Arrays;

/**
 * Pairs each change of one load step with the event that made it visible. Changes are numbered by a marker (the
 * unique value the change wrote); a change is done when an event carrying its marker, or a later marker written to
 * the same row, is seen: the sync publishes an entity's whole state, so a later value of the row makes the earlier
 * change visible too. Either side may come first (the event can be read before the writer's commit call returns),
 * so whichever comes second records the latency, clamped at zero.
 */
public final class MarkerMatcher {
    /** Not yet: {@link System#nanoTime()} may be zero or negative, so neither can mean "no time". */
    private static final long NONE = Long.MIN_VALUE;

    private final long first;
    private final int period;
    private final long[] committedAt;
    private final long[] publishedAt;
    private final Latencies latencies = new Latencies();
    private long committed;
    private long matched;
    private long older;

    /**
     * @param first  the marker of the step's first change
     * @param count  how many changes the step writes (markers {@code first .. first + count - 1})
     * @param period markers {@code m} and {@code m - period} write the same row
     */
    public MarkerMatcher(long first, int count, int period) {
        if (period < 1) {
            throw new IllegalArgumentException("period must be at least 1, was " + period);
        }
        this.first = first;
        this.period = period;
        this.committedAt = new long[count];
        this.publishedAt = new long[count];
        Arrays.fill(committedAt, NONE);
        Arrays.fill(publishedAt, NONE);
    }

    /** The writer's commit of {@code marker} returned at {@code nanos} ({@link System#nanoTime()}). */
    public synchronized void committed(long marker, long nanos) {
        int i = index(marker);
        if (i < 0 || committedAt[i] != NONE) {
            return;
        }
        committedAt[i] = nanos;
        committed++;
        if (publishedAt[i] != NONE) {
            done(i);
        }
    }

    /**
     * An event carrying {@code marker} was read at {@code nanos}. A marker from before this step (or a negative one:
     * a value the load did not write) is counted as an older value: while the load runs, only its own changes make
     * events, so such an event says its entity was read before the change that caused it was visible.
     */
    public synchronized void published(long marker, long nanos) {
        if (marker < first) {
            older++;
            return;
        }
        int i = index(marker);
        // at-least-once delivery: a re-sent event changes nothing
        for (int j = i; j >= 0 && publishedAt[j] == NONE; j -= period) {
            publishedAt[j] = nanos;
            if (committedAt[j] != NONE) {
                done(j);
            }
        }
        if (matched == committed) {
            notifyAll();
        }
    }

    private void done(int i) {
        latencies.recordNanos(Math.max(0, publishedAt[i] - committedAt[i]));
        matched++;
    }

    private int index(long marker) {
        long i = marker - first;
        return i >= 0 && i < committedAt.length ? (int) i : -1;
    }

    /** Waits until every committed change was published or the deadline ({@link System#nanoTime()}) passed. */
    public synchronized void awaitPublished(long deadlineNanos) throws InterruptedException {
        while (matched < committed) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    public synchronized long committedCount() {
        return committed;
    }

    /** Committed changes not seen on the tail (yet). */
    public synchronized long missing() {
        return committed - matched;
    }

    /** Events that carried a value older than this step's changes. */
    public synchronized long olderValues() {
        return older;
    }

    public Latencies.Summary latency() {
        return latencies.summary();
    }
}
