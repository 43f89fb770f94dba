package dev.ficus.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RateScheduleTest {

    @Test
    void changesAreDueAtEvenIntervalsFromTheStart() {
        RateSchedule schedule = RateSchedule.of(500, 2);

        assertThat(schedule.count()).isEqualTo(1_000);
        assertThat(schedule.dueNanos(0)).isZero();
        assertThat(schedule.dueNanos(1)).isEqualTo(2_000_000);
        assertThat(schedule.dueNanos(999)).isEqualTo(1_998_000_000);
        assertThat(schedule.spanNanos()).isEqualTo(2_000_000_000);
    }

    @Test
    void fractionalRatesKeepTheirPace() {
        RateSchedule schedule = RateSchedule.of(3, 1);

        assertThat(schedule.count()).isEqualTo(3);
        assertThat(schedule.dueNanos(2)).isEqualTo(666_666_667);
    }

    @Test
    void aShortScheduleStillHasOneChange() {
        assertThat(RateSchedule.of(1, 0.1).count()).isEqualTo(1);
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> RateSchedule.of(0, 1)).hasMessageContaining("more than 0 changes/s");
        assertThatThrownBy(() -> RateSchedule.of(10, 0)).hasMessageContaining("duration must be more than 0");
        assertThatThrownBy(() -> RateSchedule.of(10, 1).dueNanos(10)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
