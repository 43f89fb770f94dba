package dev.ficus.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.metrics.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckMetricsTest {
    private final PrometheusMeterRegistry registry = Metrics.newRegistry("check");
    private final CheckMetrics metrics = new CheckMetrics(registry, Target.of(null));

    @Test
    void beforeTheFirstRunTheGaugesSayNotMeasuredRatherThanZero() {
        assertThat(value("ficus.check.mismatches", "catalog")).isNaN();
        assertThat(registry.get("ficus.check.last.run.timestamp").gauge().value()).isNaN();
    }

    @Test
    void aRunSumsTheTargetsOfADomainAndKeepsItsLargestLag() {
        CheckReport.Tally products = new CheckReport.Tally(Target.PRODUCTS);
        products.count(result(Target.PRODUCTS, 1, EntityResult.Status.MATCH, 0.0));
        products.count(result(Target.PRODUCTS, 2, EntityResult.Status.DIFFERENT, -5.0));
        CheckReport.Tally stock = new CheckReport.Tally(Target.CATALOG_STOCK);
        stock.count(result(Target.CATALOG_STOCK, 2, EntityResult.Status.EXTRA, null));
        stock.count(result(Target.CATALOG_STOCK, 3, EntityResult.Status.MISSING, null));
        CheckReport.Tally orders = new CheckReport.Tally(Target.ORDERS);
        orders.count(result(Target.ORDERS, 7, EntityResult.Status.MATCH, 1.5));

        metrics.completed(new CheckReport(List.of(products, stock, orders), List.of(), Duration.ofSeconds(1), 5),
                Instant.ofEpochSecond(1_800_000_000));

        assertThat(value("ficus.check.mismatches", "catalog")).isEqualTo(3.0);
        assertThat(value("ficus.check.entities.checked", "catalog")).isEqualTo(4.0);
        assertThat(value("ficus.check.lag", "catalog")).isEqualTo(5.0);
        assertThat(value("ficus.check.mismatches", "order")).isZero();
        assertThat(value("ficus.check.lag", "order")).isEqualTo(1.5);
        assertThat(value("ficus.check.mismatches", "customer")).as("not in this run").isNaN();
        assertThat(registry.get("ficus.check.last.run.timestamp").gauge().value()).isEqualTo(1.8e9);
    }

    @Test
    void aFailedRunIsCountedAndLeavesTheLastRunsFigures() {
        CheckReport.Tally orders = new CheckReport.Tally(Target.ORDERS);
        orders.count(result(Target.ORDERS, 7, EntityResult.Status.DIFFERENT, 0.0));
        metrics.completed(new CheckReport(List.of(orders), List.of(), Duration.ofSeconds(1), 1),
                Instant.ofEpochSecond(1_800_000_000));

        metrics.failed();
        metrics.failed();

        assertThat(registry.get("ficus.check.run.failures").counter().count()).isEqualTo(2.0);
        assertThat(value("ficus.check.mismatches", "order")).isEqualTo(1.0);
        assertThat(registry.get("ficus.check.last.run.timestamp").gauge().value()).isEqualTo(1.8e9);
        assertThat(registry.scrape()).contains("ficus_check_run_failures_total{component=\"check\"} 2.0");
    }

    private double value(String name, String domain) {
        return registry.get(name).tag("domain", domain).gauge().value();
    }

    private static EntityResult result(Target t, long id, EntityResult.Status status, Double lag) {
        return new EntityResult(t, id, status, List.of(), lag, null, false);
    }
}
