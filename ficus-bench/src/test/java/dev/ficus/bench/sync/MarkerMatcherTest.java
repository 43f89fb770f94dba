package dev.ficus.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkerMatcherTest {
    private static final long MS = 1_000_000;

    @Test
    void latencyRunsFromCommitToPublished() {
        MarkerMatcher m = new MarkerMatcher(100, 3, 1_000);
        m.committed(100, 10 * MS);
        m.committed(101, 20 * MS);
        m.published(100, 15 * MS);

        assertThat(m.missing()).isEqualTo(1);
        m.published(101, 40 * MS);

        assertThat(m.missing()).isZero();
        assertThat(m.latency().count()).isEqualTo(2);
        assertThat(m.latency().maxMs()).isBetween(19.9, 20.1);
    }

    @Test
    void anEventReadBeforeTheCommitReturnedCountsAsNoDelay() {
        MarkerMatcher m = new MarkerMatcher(0, 1, 10);
        m.published(0, 5 * MS);
        m.committed(0, 6 * MS);

        assertThat(m.missing()).isZero();
        assertThat(m.latency().maxMs()).isZero();
    }

    @Test
    void aLaterValueOfTheSameRowAlsoPublishesTheEarlierChange() {
        MarkerMatcher m = new MarkerMatcher(0, 6, 2);
        for (int i = 0; i < 5; i++) {
            m.committed(i, i * MS);
        }
        m.published(4, 10 * MS);

        // 4, 2 and 0 write the same row; 1 and 3 the other one
        assertThat(m.missing()).isEqualTo(2);
        assertThat(m.latency().maxMs()).isBetween(9.9, 10.1);
        assertThat(m.latency().count()).isEqualTo(3);
    }

    @Test
    void reSentEventsAndOtherStepsMarkersChangeNothing() {
        MarkerMatcher m = new MarkerMatcher(10, 2, 100);
        m.committed(10, 0);
        m.published(10, 3 * MS);
        m.published(10, 50 * MS);
        m.published(9, 1 * MS);
        m.published(12, 1 * MS);

        assertThat(m.latency().count()).isEqualTo(1);
        assertThat(m.latency().maxMs()).isBetween(2.9, 3.1);
        assertThat(m.committedCount()).isEqualTo(1);
    }

    @Test
    void waitingEndsAtTheDeadlineWhenSomethingIsMissing() throws InterruptedException {
        MarkerMatcher m = new MarkerMatcher(0, 1, 1);
        m.committed(0, System.nanoTime());

        m.awaitPublished(System.nanoTime() + 20 * MS);

        assertThat(m.missing()).isEqualTo(1);
    }

    @Test
    void eventsCarryingAValueFromBeforeTheStepAreCountedAsOlder() {
        MarkerMatcher m = new MarkerMatcher(100, 2, 10);
        m.committed(100, 0);
        m.published(99, 1 * MS);
        m.published(-1, 1 * MS);

        assertThat(m.olderValues()).isEqualTo(2);
        assertThat(m.missing()).isEqualTo(1);
    }
}
