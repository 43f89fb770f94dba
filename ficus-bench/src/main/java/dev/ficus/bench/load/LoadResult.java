package dev.ficus.bench.load;

import dev.ficus.bench.report.Latencies;
import java.util.Locale;

/**
 * The measured part of one load run (after the warm-up).
 *
 * @param sent        requests sent in the measured window
 * @param ok          of those, answered 2xx
 * @param errors      of those, answered otherwise or not at all
 * @param seconds     length of the measured window
 * @param latencies   percentiles of the 2xx answers (open loop: from the intended send time)
 * @param sampleError one error's reason, or {@code null} when there was none
 */
public record LoadResult(long sent, long ok, long errors, double seconds, Latencies.Summary latencies,
                         String sampleError) {

    /** Successful answers per second over the window: the throughput a closed-loop run reports. */
    public double okPerSecond() {
        return seconds <= 0 ? 0 : ok / seconds;
    }

    /** Requests sent per second: an open-loop run's achieved rate (below the target when the sender fell behind). */
    public double sentPerSecond() {
        return seconds <= 0 ? 0 : sent / seconds;
    }

    /** Errors as a share of the requests sent, 0..1. */
    public double errorRatio() {
        return sent == 0 ? 0 : (double) errors / sent;
    }

    public String p50() {
        return Latencies.Summary.ms(latencies.p50Ms());
    }

    public String p99() {
        return Latencies.Summary.ms(latencies.p99Ms());
    }

    public String p999() {
        return Latencies.Summary.ms(latencies.p999Ms());
    }

    /** {@code 12} or {@code 12 (HTTP 500)}: the error count with an example of what went wrong. */
    public String errorsCell() {
        return errors == 0 || sampleError == null ? Long.toString(errors) : errors + " (" + sampleError + ")";
    }

    public static String perSecond(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }
}
