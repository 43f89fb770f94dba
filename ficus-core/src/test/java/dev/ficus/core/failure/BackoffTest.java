package dev.ficus.core.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff policy = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));

    @Test
    void doublesUpToTheMaximum() {
        assertThat(policy.after(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.after(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.after(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(policy.after(4)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.after(60)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void aStreakCountsFailuresAndStartsOverAfterAReset() {
        Backoff.Streak b = policy.streak();
        assertThat(b.next()).isEqualTo(Duration.ofMillis(100));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(200));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(400));
        assertThat(b.next()).isEqualTo(Duration.ofMillis(500));
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aZeroPolicyStillSleepsAMillisecond() throws InterruptedException {
        Backoff zero = new Backoff(Duration.ZERO, Duration.ZERO);
        assertThat(zero.after(3)).isZero();
        long start = System.nanoTime();
        zero.sleepAfter(3);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(1_000_000);
    }
}
