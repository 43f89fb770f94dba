package dev.ficus.bench.report;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * Latencies recorded from any thread (microsecond resolution, up to one minute), read as percentiles in milliseconds.
 * Coordinated omission is the caller's business: record from the intended send time, not the actual one.
 */
public final class Latencies {
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(1);

    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Histogram total = new Histogram(MAX_MICROS, 3);
    private long errors;

    public void recordNanos(long nanos) {
        recorder.recordValue(Math.min(MAX_MICROS, Math.max(0, nanos / 1_000)));
    }

    public synchronized void recordError() {
        errors++;
    }

    /** A snapshot of everything recorded so far. */
    public synchronized Summary summary() {
        total.add(recorder.getIntervalHistogram());
        return new Summary(total.getTotalCount(), errors, ms(total.getValueAtPercentile(50)),
                ms(total.getValueAtPercentile(99)), ms(total.getValueAtPercentile(99.9)), ms(total.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** Counts and percentiles in milliseconds. */
    public record Summary(long count, long errors, double p50Ms, double p99Ms, double p999Ms, double maxMs) {
        public static String ms(double value) {
            return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
        }
    }
}
