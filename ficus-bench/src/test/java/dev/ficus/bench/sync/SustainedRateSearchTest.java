package dev.ficus.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

class SustainedRateSearchTest {

    /** A pipeline that keeps up to {@code limit} changes/s and falls behind above. */
    private static IntFunction<StepOutcome> keepsUpTo(int limit) {
        return rate -> rate <= limit ? StepOutcome.SUSTAINED : StepOutcome.FELL_BEHIND;
    }

    @Test
    void rampsGeometricallyThenHalvesTheGap() {
        SustainedRateSearch.Result r = new SustainedRateSearch(500, 16_000, 2, 2).run(keepsUpTo(3_000));

        assertThat(r.steps()).extracting(SustainedRateSearch.Tried::rate).containsExactly(500, 1_000, 2_000, 4_000,
                3_000, 3_500);
        assertThat(r.sustained()).isEqualTo(3_000);
        assertThat(r.firstFailed()).isEqualTo(3_500);
        assertThat(r.stoppedBy()).isEqualTo(StepOutcome.FELL_BEHIND);
        assertThat(r.describe()).isEqualTo("3,000 changes/s (3,500/s fell behind)");
    }

    @Test
    void theLastStepIsTheMaximumEvenOffTheGeometricSeries() {
        SustainedRateSearch.Result r = new SustainedRateSearch(500, 3_000, 2, 2).run(keepsUpTo(10_000));

        assertThat(r.steps()).extracting(SustainedRateSearch.Tried::rate).containsExactly(500, 1_000, 2_000, 3_000);
        assertThat(r.stoppedBy()).isNull();
        assertThat(r.describe()).startsWith(">= 3,000 changes/s");
    }

    @Test
    void failingTheFirstStepSaysItIsBelowTheStart() {
        SustainedRateSearch.Result r = new SustainedRateSearch(500, 16_000, 2, 2).run(keepsUpTo(100));

        assertThat(r.steps()).hasSize(1);
        assertThat(r.sustained()).isZero();
        assertThat(r.describe()).isEqualTo("< 500 changes/s (500/s fell behind)");
    }

    @Test
    void writersThatCannotKeepTheRateStopTheSearchAndSaySo() {
        SustainedRateSearch.Result r = new SustainedRateSearch(100, 1_000, 2, 0)
                .run(rate -> rate >= 400 ? StepOutcome.WRITER_BOUND : StepOutcome.SUSTAINED);

        assertThat(r.sustained()).isEqualTo(200);
        assertThat(r.stoppedBy()).isEqualTo(StepOutcome.WRITER_BOUND);
        assertThat(r.describe()).isEqualTo("200 changes/s (400/s the writers could not commit)");
    }

    @Test
    void refinementStopsWhenTheGapIsClosed() {
        SustainedRateSearch.Result r = new SustainedRateSearch(1, 100, 2, 10).run(keepsUpTo(2));

        assertThat(r.steps()).extracting(SustainedRateSearch.Tried::rate).containsExactly(1, 2, 4, 3);
        assertThat(r.sustained()).isEqualTo(2);
        assertThat(r.firstFailed()).isEqualTo(3);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new SustainedRateSearch(0, 10, 2, 1)).hasMessageContaining("1 <= start <= max");
        assertThatThrownBy(() -> new SustainedRateSearch(10, 5, 2, 1)).hasMessageContaining("1 <= start <= max");
        assertThatThrownBy(() -> new SustainedRateSearch(1, 5, 1, 1)).hasMessageContaining("factor");
    }
}
