package dev.ficus.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void showsTheShareTheRateAndTheTimeLeft() {
        assertThat(ProgressLine.render(5_000, 20_000, Duration.ofSeconds(1)))
                .contains("[#######-----------------------]", "5,000/20,000", "5,000/s", "ETA 0:03");
    }

    @Test
    void aFinishedRunSaysHowLongItTook() {
        assertThat(ProgressLine.render(20_000, 20_000, Duration.ofSeconds(75))).contains("took 1:15")
                .contains("[##############################]");
    }
}
