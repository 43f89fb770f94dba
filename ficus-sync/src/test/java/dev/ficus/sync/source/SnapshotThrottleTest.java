package dev.ficus.sync.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle on a simulated clock: it asks for exactly the waits that keep the rate at the cap. */
class SnapshotThrottleTest {
    private long now = 1_000_000_000L;
    private final List<Long> sleeps = new ArrayList<>();

    private SnapshotThrottle throttle(int cap) {
        return new SnapshotThrottle(cap, () -> now, nanos -> {
            sleeps.add(nanos);
            now += nanos;
        });
    }

    @Test
    void holdsBatchesBackToTheCap() throws Exception {
        SnapshotThrottle t = throttle(1000);
        t.acquire(500);
        t.acquire(500);
        t.acquire(1000);
        assertThat(sleeps).containsExactly(500_000_000L, 500_000_000L, 1_000_000_000L);
        assertThat(now - 1_000_000_000L).as("2,000 rows at 1,000 rows/s").isEqualTo(2_000_000_000L);
    }

    @Test
    void doesNotWaitWhenTheReaderIsSlowerThanTheCap() throws Exception {
        SnapshotThrottle t = throttle(1000);
        t.acquire(100);
        sleeps.clear();
        now += 500_000_000L;
        t.acquire(100);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aPauseIsNotSavedUpAsABurst() throws Exception {
        SnapshotThrottle t = throttle(1000);
        t.acquire(1000);
        now += 60_000_000_000L;
        sleeps.clear();
        t.acquire(1000);
        assertThat(sleeps).containsExactly(1_000_000_000L);
    }

    @Test
    void noCapNoWait() throws Exception {
        SnapshotThrottle t = throttle(0);
        t.acquire(1_000_000);
        assertThat(sleeps).isEmpty();
    }
}
