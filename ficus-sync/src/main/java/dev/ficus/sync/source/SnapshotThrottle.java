package dev.ficus.sync.source;

import java.util.function.LongSupplier;

/**
 * Caps the snapshot's read rate. The handler calls {@link #acquire} before handling a batch of snapshot rows and is
 * held back until the rows fit the cap; while it waits, Debezium's queue fills and its snapshot reader blocks, so the
 * shop's database is read no faster than the cap. Streaming rows are never throttled.
 */
public final class SnapshotThrottle {
    /** Sleeps for a number of nanoseconds (a seam for tests). */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private static final long WINDOW_NANOS = 10_000_000_000L;

    private final int rowsPerSecond;
    private final LongSupplier clock;
    private final Sleeper sleeper;
    private long windowStartNanos;
    private long rowsInWindow;
    private boolean started;

    /** @param rowsPerSecond the cap; 0 means none */
    public SnapshotThrottle(int rowsPerSecond) {
        this(rowsPerSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    public SnapshotThrottle(int rowsPerSecond, LongSupplier clock, Sleeper sleeper) {
        this.rowsPerSecond = rowsPerSecond;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public int rowsPerSecond() {
        return rowsPerSecond;
    }

    public synchronized void acquire(int rows) throws InterruptedException {
        if (rowsPerSecond <= 0 || rows <= 0) {
            return;
        }
        long now = clock.getAsLong();
        // a fresh window after an idle spell, so that a pause does not turn into a burst allowance
        if (!started || now - windowStartNanos > WINDOW_NANOS) {
            started = true;
            windowStartNanos = now;
            rowsInWindow = 0;
        }
        rowsInWindow += rows;
        // when these rows are due at the cap, counted from the window start
        long dueNanos = windowStartNanos + rowsInWindow * 1_000_000_000L / rowsPerSecond;
        if (dueNanos > now) {
            sleeper.sleepNanos(dueNanos - now);
        }
    }
}
