package dev.ficus.bench.load;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How hard and how long a bench reads, shared by {@code ficus bench services} and {@code ficus bench gateway}.
 *
 * @param rate           requests per second of the open-loop runs (the latency figures)
 * @param warmup         load before each measured window, not counted
 * @param duration       each measured window
 * @param connections    connection pool of the open-loop runs (requests beyond it wait, and that wait counts)
 * @param maxConnections requests in flight at once in the closed-loop (highest req/s) runs
 * @param timeout        a request that waits this long for a connection, or whose connection stays silent this
 *                       long, is an error
 */
public record LoadOptions(double rate, Duration warmup, Duration duration, int connections, int maxConnections,
                          Duration timeout) {
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

    public LoadOptions {
        new OpenLoopLoad.Settings(rate, warmup, duration, connections, timeout);
        new ClosedLoopLoad.Settings(maxConnections, warmup, duration, timeout);
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("the request timeout must be positive, was " + timeout);
        }
    }

    public OpenLoopLoad.Settings openLoop() {
        return new OpenLoopLoad.Settings(rate, warmup, duration, connections, timeout);
    }

    /** The open loop at another rate (the failover run). */
    public OpenLoopLoad.Settings openLoop(double otherRate, Duration otherDuration) {
        return new OpenLoopLoad.Settings(otherRate, Duration.ZERO, otherDuration, connections, timeout);
    }

    public ClosedLoopLoad.Settings closedLoop() {
        return new ClosedLoopLoad.Settings(maxConnections, warmup, duration, timeout);
    }

    /** {@code 2,000 req/s}, as budgets and titles print the rate. */
    public String rateText() {
        return LoadResult.perSecond(rate) + " req/s";
    }

    /** A command-line duration: a whole number with {@code ms}, {@code s} or {@code m} ({@code 500ms}, {@code 10s}). */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: use a whole number with ms, s or m, "
                    + "e.g. 500ms, 10s, 2m");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }
}
