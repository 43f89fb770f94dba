package dev.ficus.bench.load;

/**
 * When each request of an open-loop run is meant to leave: request {@code i} at {@code i / rate} seconds after the
 * start, whatever happened to the ones before. Latency is measured from this intended time, so a stalled server is
 * charged for the requests it kept waiting (no coordinated omission).
 */
public final class RateSchedule {
    private final double perSecond;

    public RateSchedule(double perSecond) {
        if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
            throw new IllegalArgumentException("the request rate must be a positive number per second, was " + perSecond);
        }
        this.perSecond = perSecond;
    }

    public double perSecond() {
        return perSecond;
    }

    /** Nanoseconds from the start at which request {@code index} (0-based) is meant to be sent. */
    public long offsetNanos(long index) {
        if (index < 0) {
            throw new IllegalArgumentException("request index must be >= 0, was " + index);
        }
        return Math.round(index * 1e9 / perSecond);
    }

    /** How many requests a run of {@code nanos} sends: those whose intended time lies before its end. */
    public long requestsWithin(long nanos) {
        if (nanos <= 0) {
            return 0;
        }
        // the smallest i with offsetNanos(i) >= nanos; computed by search around the estimate to match rounding
        long i = (long) Math.floor(nanos * perSecond / 1e9);
        while (i > 0 && offsetNanos(i - 1) >= nanos) {
            i--;
        }
        while (offsetNanos(i) < nanos) {
            i++;
        }
        return i;
    }
}
