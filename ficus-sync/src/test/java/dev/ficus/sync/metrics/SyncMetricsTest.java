package dev.ficus.sync.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.metrics.Metrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncMetricsTest {
    /** A series that exists before the first dead letter lets increase() see that first one (FicusDeadLettersGrowing). */
    @Test
    void deadLetterCountersExistAtZeroPerWatchedTableBeforeTheFirstDeadLetter() {
        PrometheusMeterRegistry registry = Metrics.newRegistry("sync");
        SyncMetrics metrics = new SyncMetrics(registry);
        metrics.deadLetterTables(List.of("sales_order", "customer_entity"));
        assertThat(registry.scrape()).contains(
                "ficus_sync_dead_letters_total{component=\"sync\",table=\"sales_order\"} 0.0",
                "ficus_sync_dead_letters_total{component=\"sync\",table=\"customer_entity\"} 0.0");

        metrics.deadLetter("sales_order");
        assertThat(registry.scrape()).contains("ficus_sync_dead_letters_total{component=\"sync\",table=\"sales_order\"} 1.0");
    }
}
