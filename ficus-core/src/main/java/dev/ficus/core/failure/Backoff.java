package dev.ficus.core.failure;

import java.time.Duration;

/**
 * Exponential waits between tries: {@code first} after the first failure, twice that after the second, … up to
 * {@code max}. The policy holds no count; a caller that waits in one loop keeps a {@link #streak()}.
 */
public record Backoff(Duration first, Duration max) {

    /** The wait after the {@code n}-th failure in a row (1 = the first). */
    public Duration after(int n) {
        long millis = first.toMillis();
        for (int i = 1; i < n && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** Sleeps {@link #after(int) after(n)}, at least 1 ms, so that a zero policy never spins against a down server. */
    public void sleepAfter(int n) throws InterruptedException {
        Thread.sleep(Math.max(1, after(n).toMillis()));
    }

    /** A count of failures in a row, starting at none; one per loop, never shared between threads. */
    public Streak streak() {
        return new Streak(this);
    }

    public static final class Streak {
        private final Backoff policy;
        private int failures;

        private Streak(Backoff policy) {
            this.policy = policy;
        }

        /** Counts one more failure and returns the wait after it. */
        public Duration next() {
            failures++;
            return policy.after(failures);
        }

        /** A success ends the streak: the next failure waits {@code first} again. */
        public void reset() {
            failures = 0;
        }
    }
}
