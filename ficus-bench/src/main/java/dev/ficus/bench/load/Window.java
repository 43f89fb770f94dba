package dev.ficus.bench.load;

import java.time.Duration;

/** Checks shared by the run settings: a warm-up, then a measured window. */
final class Window {
    private Window() {
    }

    static void check(Duration warmup, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("the measured duration must be positive, was " + duration);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("the warm-up cannot be negative, was " + warmup);
        }
    }
}
