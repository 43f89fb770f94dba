package dev.ficus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ficus.bench.report.Latencies;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RoundsTest {
    private static LoadResult rate(long ok, long errors, String why) {
        return new LoadResult(ok + errors, ok, errors, 1.0, new Latencies().summary(), why);
    }

    @Test
    void theMedianRoundIsTheFigureWhateverTheOrder() {
        Rounds r = new Rounds(List.of(rate(5_000, 0, null), rate(3_000, 0, null), rate(4_000, 0, null)));
        assertThat(r.medianRate().okPerSecond()).isEqualTo(4_000);
        assertThat(r.eachRate()).isEqualTo("5,000 / 3,000 / 4,000");
    }

    @Test
    void anEvenCountTakesTheLowerMiddle() {
        Rounds r = new Rounds(List.of(rate(10, 0, null), rate(40, 0, null), rate(20, 0, null),
                rate(30, 0, null)));
        assertThat(r.medianRate().okPerSecond()).isEqualTo(20);
    }

    @Test
    void errorsAddUpOverRoundsWithOneReason() {
        Rounds r = new Rounds(List.of(rate(10, 2, "HTTP 503"), rate(10, 0, null), rate(10, 1, "timeout")));
        assertThat(r.errors()).isEqualTo(3);
        assertThat(r.errorsCell()).isEqualTo("3 (HTTP 503)");
        assertThat(new Rounds(List.of(rate(10, 0, null))).errorsCell()).isEqualTo("0");
    }

    @Test
    void sharesAreTakenRoundByRound() {
        Rounds gateway = new Rounds(List.of(rate(800, 0, null), rate(450, 0, null)));
        Rounds nginx = new Rounds(List.of(rate(1_000, 0, null), rate(500, 0, null)));
        assertThat(gateway.sharesOf(nginx)).containsExactly(0.8, 0.9);
        assertThat(gateway.sharesOf(new Rounds(List.of(rate(0, 5, "refused"), rate(1, 0, null)))).get(0))
                .isEqualTo(0.0);
        assertThatThrownBy(() -> gateway.sharesOf(new Rounds(List.of(rate(1, 0, null)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rounds(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static LoadResult p99(long millis) {
        Latencies l = new Latencies();
        for (int i = 0; i < 100; i++) {
            l.recordNanos(TimeUnit.MILLISECONDS.toNanos(millis));
        }
        return new LoadResult(100, 100, 0, 1.0, l.summary(), null);
    }

    @Test
    void theOpenLoopFigureIsTheRoundWithTheMedianP99() {
        Rounds r = new Rounds(List.of(p99(30), p99(3), p99(4)));
        assertThat(r.medianP99().latencies().p99Ms()).isBetween(3.9, 4.1);
        assertThat(r.eachP99()).matches("30\\.\\d / 3\\.\\d\\d / 4\\.\\d\\d");
    }
}
