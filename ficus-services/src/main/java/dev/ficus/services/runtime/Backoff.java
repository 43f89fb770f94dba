package dev.ficus.services.runtime;

import java.time.Duration;

/** Exponential waits: {@code first}, twice that, … up to {@code max}. */
public final class Backoff {
    private final Duration first;
    private final Duration max;
    private int failures;

    public Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** The wait after one more failure. */
    public Duration next() {
        failures++;
        return after(failures);
    }

    public void reset() {
        failures = 0;
    }

    /** The wait after the {@code n}-th failure (1 = the first). */
    public Duration after(int n) {
        long millis = first.toMillis();
        for (int i = 1; i < n && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
