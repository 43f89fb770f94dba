package dev.ficus.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ficus.bench.report.Latencies;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void durationsTakeMillisecondsSecondsAndMinutes() {
        assertThat(LoadOptions.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(LoadOptions.parseDuration(" 10S ")).isEqualTo(Duration.ofSeconds(10));
        assertThat(LoadOptions.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> LoadOptions.parseDuration("10")).hasMessageContaining("e.g. 500ms, 10s, 2m");
        assertThatThrownBy(() -> LoadOptions.parseDuration("1.5s")).hasMessageContaining("not a duration");
    }

    @Test
    void badSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new LoadOptions(0, Duration.ZERO, Duration.ofSeconds(1), 1, 1, Duration.ofSeconds(1)))
                .hasMessageContaining("rate must be a positive number");
        assertThatThrownBy(() -> new LoadOptions(10, Duration.ZERO, Duration.ZERO, 1, 1, Duration.ofSeconds(1)))
                .hasMessageContaining("duration must be positive");
        assertThatThrownBy(() -> new LoadOptions(10, Duration.ZERO, Duration.ofSeconds(1), 1, 0, Duration.ofSeconds(1)))
                .hasMessageContaining("at least one connection");
        assertThatThrownBy(() -> new LoadOptions(10, Duration.ZERO, Duration.ofSeconds(1), 1, 1, Duration.ZERO))
                .hasMessageContaining("timeout must be positive");
    }

    @Test
    void resultRatesAndRatiosComeFromTheMeasuredWindow() {
        Latencies.Summary none = new Latencies().summary();
        LoadResult r = new LoadResult(20_000, 19_990, 10, 10.0, none, "HTTP 503");

        assertThat(r.sentPerSecond()).isEqualTo(2000.0);
        assertThat(r.okPerSecond()).isEqualTo(1999.0);
        assertThat(r.errorRatio()).isEqualTo(0.0005);
        assertThat(r.errorsCell()).isEqualTo("10 (HTTP 503)");
        assertThat(new LoadResult(0, 0, 0, 0, none, null).okPerSecond()).isZero();
        assertThat(new LoadResult(0, 0, 0, 1, none, null).errorsCell()).isEqualTo("0");
        assertThat(LoadResult.perSecond(12345.6)).isEqualTo("12,346");
    }

    @Test
    void aReplyIsOkOnlyWith2xxAndItsLatencyCountsFromTheIntendedTime() {
        assertThat(new Reply(100, 350, 200, null, null).latencyNanos()).isEqualTo(250);
        assertThat(new Reply(0, 1, 204, null, null).ok()).isTrue();
        assertThat(new Reply(0, 1, 404, null, null).ok()).isFalse();
        assertThat(new Reply(0, 1, 0, null, "ConnectException: refused").describe())
                .isEqualTo("ConnectException: refused");
        assertThat(new Reply(0, 1, 503, null, null).describe()).isEqualTo("HTTP 503");
    }
}
