package dev.ficus.bench.gateway;

import java.time.Duration;
import java.util.Locale;

/** The gateway's budgets from DESIGN.md and the arithmetic that checks them. */
public final class GatewayBudgets {
    /** The gateway may add at most this to the direct p99 at the bench rate. */
    public static final double ADDED_P99_MS = 1.0;
    /** The gateway must reach this share of NGINX's highest rate as a plain reverse proxy. */
    public static final double NGINX_SHARE = 0.80;
    /** From a killed service to reads served by Magento. */
    public static final Duration FAILOVER = Duration.ofSeconds(1);

    private GatewayBudgets() {
    }

    /** Milliseconds the gateway adds to the direct p99 (negative when it measured faster, which is noise). */
    public static double addedMs(double directP99Ms, double gatewayP99Ms) {
        return gatewayP99Ms - directP99Ms;
    }

    public static boolean addedWithinBudget(double directP99Ms, double gatewayP99Ms) {
        return addedMs(directP99Ms, gatewayP99Ms) < ADDED_P99_MS;
    }

    /** {@code part / whole}, 0 when there is no whole to compare with. */
    public static double share(double part, double whole) {
        return whole <= 0 ? 0 : part / whole;
    }

    public static boolean nginxShareWithinBudget(double gatewayPerSecond, double nginxPerSecond) {
        return nginxPerSecond > 0 && share(gatewayPerSecond, nginxPerSecond) >= NGINX_SHARE;
    }

    public static boolean failoverWithinBudget(long nanos) {
        return nanos >= 0 && nanos < FAILOVER.toNanos();
    }

    /** {@code 97.5 %}. */
    public static String percent(double part, double whole) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share(part, whole));
    }

    /** {@code +0.42 ms} or {@code -0.10 ms}. */
    public static String signedMs(double ms) {
        return String.format(Locale.ROOT, "%+.2f ms", ms);
    }
}
