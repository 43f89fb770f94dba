package dev.ficus.bench.sync;

/**
 * When each change of an open-loop load is due: change {@code i} at {@code i / rate} seconds after the start,
 * whatever happened to the changes before it. A slow commit therefore delays nothing that follows it except through
 * the writers being busy, and a writer that falls behind shows as a lower achieved rate instead of a slower schedule.
 */
public record RateSchedule(double perSecond, long count) {

    public RateSchedule {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a rate must be more than 0 changes/s, was " + perSecond);
        }
        if (count < 0) {
            throw new IllegalArgumentException("a change count cannot be negative, was " + count);
        }
    }

    /** {@code perSecond} changes each second for {@code seconds} seconds (at least one change). */
    public static RateSchedule of(double perSecond, double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException("a duration must be more than 0 s, was " + seconds);
        }
        return new RateSchedule(perSecond, Math.max(1, Math.round(perSecond * seconds)));
    }

    /** Nanoseconds after the start at which change {@code index} (0-based) is due. */
    public long dueNanos(long index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("change " + index + " of " + count);
        }
        return Math.round(index * 1e9 / perSecond);
    }

    /** How long the schedule lasts: from the start to the last change's due time plus one interval. */
    public long spanNanos() {
        return Math.round(count * 1e9 / perSecond);
    }
}
