package dev.ficus.bench.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The gateway's budgets from DESIGN.md and the arithmetic that checks them. */
public final class GatewayBudgets {
    /** The gateway may add at most this to the direct p99 at the bench rate. */
    public static final double ADDED_P99_MS = 1.0;
    /** The gateway must reach this share of NGINX's highest rate as a plain reverse proxy. */
    public static final double NGINX_SHARE = 0.80;
    /** From a killed service to reads served by Magento. */
    public static final Duration FAILOVER = Duration.ofSeconds(1);
    /** As a plain proxy to a static upstream, the gateway must reach this share of NGINX's highest rate. */
    public static final double STATIC_NGINX_SHARE = 0.90;
    /** As a plain proxy to a static upstream, the gateway's p99 may be at most this far above NGINX's. */
    public static final double STATIC_P99_OVER_NGINX_MS = 0.5;

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

    public static boolean staticShareWithinBudget(double share) {
        return share >= STATIC_NGINX_SHARE;
    }

    /** {@code differenceMs}: the gateway's p99 less NGINX's; "within 0.5 ms" includes 0.5. */
    public static boolean staticP99WithinBudget(double differenceMs) {
        return differenceMs <= STATIC_P99_OVER_NGINX_MS;
    }

    /**
     * The median of one figure taken round by round (a share, a difference): the mean of the middle two for an even
     * count, so that two rounds give their mean rather than the friendlier one.
     */
    public static double median(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
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
