package dev.ficus.services.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.metrics.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceMetricsTest {
    /** A series that exists before the first dead letter lets increase() see that first one (FicusDeadLettersGrowing). */
    @Test
    void deadLetterCountersExistAtZeroPerTopicBeforeTheFirstDeadLetter() {
        PrometheusMeterRegistry registry = Metrics.newRegistry("catalog");
        ServiceMetrics metrics = new ServiceMetrics(registry, "catalog");
        metrics.deadLetterTopics(List.of("migration.product.changed", "migration.stock.changed"));
        assertThat(registry.scrape()).contains(
                "ficus_dead_letters_total{component=\"catalog\",service=\"catalog\",topic=\"migration.product.changed\"} 0.0",
                "ficus_dead_letters_total{component=\"catalog\",service=\"catalog\",topic=\"migration.stock.changed\"} 0.0");

        metrics.deadLettered("migration.stock.changed");
        assertThat(registry.scrape()).contains(
                "ficus_dead_letters_total{component=\"catalog\",service=\"catalog\",topic=\"migration.stock.changed\"} 1.0");
    }
}
