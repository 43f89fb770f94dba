package dev.ficus.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchReportTest {

    @Test
    void tableAlignsColumnsAsMarkdown() {
        String text = new BenchTable("Reads", "service", "p99 ms").row("catalog", "1.25").row("customer-long", 3).render();

        assertThat(text).isEqualTo("""
                ### Reads

                | service       | p99 ms |
                |---------------|--------|
                | catalog       | 1.25   |
                | customer-long | 3      |
                """);
    }

    @Test
    void rowWithWrongCellCountIsRefused() {
        assertThatThrownBy(() -> new BenchTable("t", "a", "b").row("only one"))
                .hasMessageContaining("has 2 columns, row has 1");
    }

    @Test
    void reportListsBudgetsAndWhetherEachWasMet() {
        BenchReport report = new BenchReport("sync", new Machine("cpu", 2, 1L << 30, "Linux", "java 17"))
                .budget("p99 < 50 ms", "12.0 ms", true)
                .budget("snapshot >= 5,000 products/s", "4,100/s", false);

        assertThat(report.allBudgetsMet()).isFalse();
        assertThat(report.render()).contains("Machine: 2 cores (cpu), 1.0 GiB, Linux, java 17")
                .contains("| p99 < 50 ms                  | 12.0 ms  | yes |")
                .contains("| snapshot >= 5,000 products/s | 4,100/s  | NO  |");
    }

    @Test
    void latenciesReportPercentilesInMilliseconds() {
        Latencies latencies = new Latencies();
        for (int i = 1; i <= 100; i++) {
            latencies.recordNanos(i * 1_000_000L);
        }
        latencies.recordError();

        Latencies.Summary s = latencies.summary();
        assertThat(s.count()).isEqualTo(100);
        assertThat(s.errors()).isEqualTo(1);
        assertThat(s.p50Ms()).isBetween(49.9, 50.1);
        assertThat(s.p99Ms()).isBetween(98.9, 99.1);
        assertThat(s.maxMs()).isBetween(99.9, 100.1);
    }
}
