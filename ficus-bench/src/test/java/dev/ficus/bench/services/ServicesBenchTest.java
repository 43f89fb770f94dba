package dev.ficus.bench.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.bench.load.LoadResult;
import dev.ficus.bench.report.Latencies;
import org.junit.jupiter.api.Test;

class ServicesBenchTest {

    @Test
    void theLatencyBudgetNeedsAP99BelowItAndNoErrors() {
        assertThat(ServicesBench.meetsLatencyBudget(result(1000, 0, 4.9), 5.0)).isTrue();
        assertThat(ServicesBench.meetsLatencyBudget(result(1000, 0, 5.0), 5.0)).isFalse();
        assertThat(ServicesBench.meetsLatencyBudget(result(999, 1, 1.0), 5.0)).isFalse();
        assertThat(ServicesBench.meetsLatencyBudget(result(0, 0, 0), 5.0)).isFalse();
    }

    @Test
    void applyRatesDivideTheEventsByEachTime() {
        ApplyThroughput.Result r = new ApplyThroughput.Result(1200, 2.0, 0.5);

        assertThat(r.eventsPerWallSecond()).isEqualTo(600.0);
        assertThat(r.eventsPerBatchSecond()).isEqualTo(2400.0);
        assertThat(new ApplyThroughput.Result(10, 0, 0).eventsPerBatchSecond()).isZero();
    }

    private static LoadResult result(long ok, long errors, double p99) {
        return new LoadResult(ok + errors, ok, errors, 1, new Latencies.Summary(ok, errors, p99 / 2, p99, p99, p99),
                null);
    }
}
