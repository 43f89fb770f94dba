package dev.ficus.gateway.admin;

import dev.ficus.gateway.health.ServiceHealth;
import java.util.List;
import java.util.Locale;

/**
 * A service as the admin API shows it beside its flag.
 *
 * @param state   {@code up}, {@code catching_up} (well but behind: its reads go to Magento, nothing is counted) or
 *                {@code down}
 * @param lagMs   while catching up, the age of the oldest event it has not applied (null otherwise or unknown)
 * @param pending while catching up, the events it still has to apply (null otherwise or unknown)
 * @param summary what a person reads: {@code healthy}, {@code unhealthy} or {@code catching up (lag 12.3 s, 4,512
 *                pending)}; the admin page and {@code ficus flags list} both show it
 */
public record ServiceView(String name, String url, boolean healthy, String state, Long lagMs, Long pending,
                          String summary, int consecutiveFailures, List<String> lastErrors, String lastProbeError) {
    public ServiceView {
        lastErrors = lastErrors == null ? List.of() : List.copyOf(lastErrors);
    }

    public static ServiceView of(String name, ServiceHealth h) {
        ServiceHealth.CatchingUp c = h.catchingUp();
        Long lag = c == null || c.lagMs() < 0 ? null : c.lagMs();
        Long pending = c == null || c.pending() < 0 ? null : c.pending();
        return new ServiceView(name, h.url(), h.healthy(), h.state(), lag, pending,
                summary(h.healthy(), c != null, lag, pending), h.consecutiveFailures(), h.lastErrors(),
                h.lastProbeError());
    }

    static String summary(boolean healthy, boolean catchingUp, Long lagMs, Long pending) {
        if (healthy) {
            return "healthy";
        }
        if (!catchingUp) {
            return "unhealthy";
        }
        String lag = lagMs == null ? "unknown" : String.format(Locale.ROOT, "%.1f s", lagMs / 1000.0);
        return "catching up (lag " + lag
                + (pending == null ? "" : String.format(Locale.ROOT, ", %,d pending", pending)) + ")";
    }
}
