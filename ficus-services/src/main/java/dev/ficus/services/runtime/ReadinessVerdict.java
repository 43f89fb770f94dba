package dev.ficus.services.runtime;

import dev.ficus.core.http.HealthEndpoints.Readiness;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code /health/ready} answers, from what the service found out about itself. Three states, told apart by the
 * status code as well as by the body's {@code status} (core's {@code HealthEndpoints}):
 * <ul>
 *   <li>{@code DOWN} (503), a failure: the database does not answer, Redis does not, or the consumer group is
 *       missing;</li>
 *   <li>{@code catching_up} (202), healthy but behind: some topic's end-of-snapshot mark is not applied yet (the
 *       initial snapshot is in progress: a search would answer from a partial set), or the oldest entry not yet
 *       applied on some topic is older than {@code services.ready.max_lag}. The body carries {@code lag_ms} (the
 *       largest of the topics'), {@code pending} (entries still to apply, as far as Redis tells) and
 *       {@code snapshot} ({@code applied} or {@code in_progress});</li>
 *   <li>{@code UP} (200) otherwise.</li>
 * </ul>
 * Behind is not broken: the gateway sends a catching-up service's reads to Magento and counts nothing.
 */
public final class ReadinessVerdict {
    private ReadinessVerdict() {
    }

    /**
     * @param lags       the lag per topic, or {@code null} when Redis could not be asked
     * @param redisError why Redis could not be asked (when {@code lags} is null)
     * @param unmarked   the topics whose end-of-snapshot mark is not applied yet
     */
    public static Readiness of(boolean databaseUp, boolean groupsReady, List<StreamLag.TopicLag> lags,
                               String redisError, Set<String> unmarked, long maxLagMillis) {
        Map<String, Object> details = new LinkedHashMap<>();
        long lagMs = 0;
        long pending = 0;
        boolean behind = false;
        Map<String, Object> perTopic = new LinkedHashMap<>();
        if (lags != null) {
            for (StreamLag.TopicLag l : lags) {
                perTopic.put(l.topic(), Map.of("lag_ms", l.lagMillis(), "pending", l.toApply(),
                        "snapshot", unmarked.contains(l.topic()) ? "in_progress" : "applied"));
                lagMs = Math.max(lagMs, l.lagMillis());
                pending += l.toApply();
                behind |= l.lagMillis() > maxLagMillis;
            }
            details.put("lag_ms", lagMs);
            details.put("pending", pending);
        }
        details.put("snapshot", unmarked.isEmpty() ? "applied" : "in_progress");
        details.put("database", databaseUp ? "up" : "down");
        details.put("consumer", groupsReady ? "reading" : "starting");
        if (lags != null) {
            details.put("topics", perTopic);
        } else {
            details.put("redis", "down: " + redisError);
        }
        details.put("max_lag_ms", maxLagMillis);
        if (!databaseUp || !groupsReady || lags == null) {
            return Readiness.notReady(details);
        }
        return behind || !unmarked.isEmpty() ? Readiness.catchingUp(details) : Readiness.ok(details);
    }
}
