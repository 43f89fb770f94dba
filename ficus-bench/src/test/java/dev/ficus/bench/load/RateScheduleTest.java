package dev.ficus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateScheduleTest {

    @Test
    void requestsAreEvenlySpacedFromTheStart() {
        RateSchedule s = new RateSchedule(2000);

        assertThat(s.offsetNanos(0)).isZero();
        assertThat(s.offsetNanos(1)).isEqualTo(500_000);
        assertThat(s.offsetNanos(2000)).isEqualTo(1_000_000_000L);
    }

    @Test
    void aFractionalIntervalIsRoundedPerRequestSoErrorsDoNotAddUp() {
        RateSchedule s = new RateSchedule(3);

        assertThat(s.offsetNanos(1)).isEqualTo(333_333_333L);
        assertThat(s.offsetNanos(2)).isEqualTo(666_666_667L);
        assertThat(s.offsetNanos(3_000_000)).isEqualTo(1_000_000_000_000_000L);
    }

    @Test
    void aWindowHoldsTheRequestsScheduledBeforeItsEnd() {
        RateSchedule s = new RateSchedule(2000);

        assertThat(s.requestsWithin(0)).isZero();
        assertThat(s.requestsWithin(1)).isEqualTo(1);
        assertThat(s.requestsWithin(500_000)).isEqualTo(1);
        assertThat(s.requestsWithin(500_001)).isEqualTo(2);
        assertThat(s.requestsWithin(10_000_000_000L)).isEqualTo(20_000);
        assertThat(new RateSchedule(3).requestsWithin(1_000_000_000L)).isEqualTo(3);
        assertThat(new RateSchedule(0.5).requestsWithin(5_000_000_000L)).isEqualTo(3);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new RateSchedule(0)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new RateSchedule(Double.NaN)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new RateSchedule(Double.POSITIVE_INFINITY)).hasMessageContaining("positive");
    }
}
