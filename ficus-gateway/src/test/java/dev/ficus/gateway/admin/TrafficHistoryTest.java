package dev.ficus.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.metrics.Metrics;
import dev.ficus.events.Domain;
import dev.ficus.gateway.metrics.GatewayMetrics;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrafficHistoryTest {
    private final GatewayMetrics metrics = new GatewayMetrics(Metrics.newRegistry("gateway"));
    private final TrafficHistory history = new TrafficHistory(metrics.registry());

    @Test
    void eachPointIsTheIntervalsRoutedShareP99AndFallbacks() {
        metrics.request("catalog", "magento", "GET", 200, ms(3));
        history.sample(1_000);
        assertThat(history.points().get("catalog")).as("the first reading is only the start").isEmpty();

        // 100 catalog reads: 10 answered by the service, 90 by Magento; 2 of them slow
        for (int i = 0; i < 98; i++) {
            metrics.request("catalog", i < 10 ? "catalog" : "magento", "GET", 200, ms(4));
        }
        metrics.request("catalog", "magento", "GET", 200, ms(400));
        metrics.request("catalog", "magento", "GET", 200, ms(450));
        metrics.fallback(Domain.CATALOG, "timeout");
        history.sample(11_000);

        TrafficHistory.Point p = history.points().get("catalog").get(0);
        assertThat(p.at()).isEqualTo(11_000);
        assertThat(p.requests()).isEqualTo(100);
        assertThat(p.routedShare()).isEqualTo(0.10);
        assertThat(p.p99Seconds()).as("the 99th of 100 lies in the 500 ms bucket").isEqualTo(0.5);
        assertThat(p.fallbacks()).isEqualTo(1);

        history.sample(21_000);
        TrafficHistory.Point quiet = history.points().get("catalog").get(1);
        assertThat(quiet.requests()).isZero();
        assertThat(quiet.routedShare()).isNull();
        assertThat(quiet.p99Seconds()).isNull();
        assertThat(history.points().get("order")).extracting(TrafficHistory.Point::requests).containsExactly(0L, 0L);
    }

    @Test
    void eachPointCarriesTheLagTheServiceLastReported() {
        AtomicLong lagMs = new AtomicLong(2_500);
        metrics.serviceLag(Domain.CATALOG, lagMs::get);
        history.sample(1_000);
        history.sample(2_000);
        lagMs.set(-1);
        history.sample(3_000);
        assertThat(history.points().get("catalog")).extracting(TrafficHistory.Point::lagSeconds)
                .containsExactly(2.5, null);
        assertThat(history.points().get("order")).extracting(TrafficHistory.Point::lagSeconds)
                .as("a service with no gauge").containsExactly(null, null);
    }

    @Test
    void keepsTheLastPointsOnly() {
        for (int i = 0; i <= TrafficHistory.POINTS + 5; i++) {
            history.sample(i * 1_000L);
        }
        List<TrafficHistory.Point> points = history.points().get("inventory");
        assertThat(points).hasSize(TrafficHistory.POINTS);
        assertThat(points.get(points.size() - 1).at()).isEqualTo((TrafficHistory.POINTS + 5) * 1_000L);
    }

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }
}
