package dev.ficus.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.bench.report.Latencies;
import org.junit.jupiter.api.Test;

class SustainCriteriaTest {
    private final SustainCriteria criteria = new SustainCriteria(0.95, 250);

    private static StreamStep step(double target, double achieved, long missing, double p99) {
        Latencies.Summary latency = new Latencies.Summary(1_000, 0, 1, p99, p99, p99);
        return new StreamStep(target, achieved, 1_000, missing, 0, latency, latency);
    }

    @Test
    void keepingUpWithEveryChangePublishedAndALowP99IsSustained() {
        assertThat(criteria.judge(step(1_000, 960, 0, 40))).isEqualTo(StepOutcome.SUSTAINED);
        assertThat(criteria.judge(step(1_000, 950, 0, 250))).isEqualTo(StepOutcome.SUSTAINED);
    }

    @Test
    void missingChangesOrAnExplodingP99MeanTheSyncFellBehind() {
        assertThat(criteria.judge(step(1_000, 1_000, 1, 40))).isEqualTo(StepOutcome.FELL_BEHIND);
        assertThat(criteria.judge(step(1_000, 1_000, 0, 250.1))).isEqualTo(StepOutcome.FELL_BEHIND);
    }

    @Test
    void writersBelowTheRateAreNotCountedAgainstTheSync() {
        assertThat(criteria.judge(step(1_000, 900, 5, 4_000))).isEqualTo(StepOutcome.WRITER_BOUND);
    }
}
