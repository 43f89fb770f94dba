package dev.ficus.sync;

import java.time.Duration;

/** Exponential backoff: initial, doubled each attempt, capped. */
public record Backoff(Duration initial, Duration max) {

    public Duration delay(int attempt) {
        long ms = initial.toMillis() << Math.min(attempt, 20);
        return Duration.ofMillis(Math.min(Math.max(ms, 1), max.toMillis()));
    }

    public void sleep(int attempt) throws InterruptedException {
        Thread.sleep(delay(attempt).toMillis());
    }
}
