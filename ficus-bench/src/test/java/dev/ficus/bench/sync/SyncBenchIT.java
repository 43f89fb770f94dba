package dev.ficus.bench.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.bench.report.BenchReport;
import dev.ficus.magento.fixture.FixtureProfile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole bench in a tiny configuration (the small profile, two low rates for a second or two, a two-step ramp):
 * it starts and removes its own stack and reports every table with the rows asked for. Figures are not asserted.
 */
class SyncBenchIT {

    @Test
    void aTinyRunReportsEveryTableWithItsRows() throws Exception {
        SyncBenchOptions options = new SyncBenchOptions(List.of(FixtureProfile.SMALL), List.of(20, 40),
                Duration.ofSeconds(2), 2, new SustainedRateSearch(20, 40, 2, 0), Duration.ofSeconds(1),
                new SustainCriteria(0.5, 10_000), Duration.ofSeconds(10), true, 42, Duration.ofMinutes(5),
                line -> System.err.println("[bench] " + line));

        BenchReport report = SyncBench.run(options);
        String text = report.render();
        System.out.println(text);

        assertThat(text).contains("## ficus bench sync", "### " + SyncBench.SNAPSHOT_TABLE,
                "### " + SyncBench.SNAPSHOT_BASELINE_TABLE, "### " + SyncBench.STREAMING_TABLE, "### " + SyncBench.RAMP_TABLE, "### Highest sustained rate");
        // the sync's snapshot and Debezium's alone
        assertThat(rowsStartingWith(text, "| small ")).hasSize(2);
        assertThat(rowsStartingWith(text, "| " + SyncBench.PIPELINE_SYNC + " ")).hasSize(3);
        assertThat(rowsStartingWith(text, "| " + SyncBench.PIPELINE_BASELINE + " ")).hasSize(2);
        assertThat(rowsStartingWith(text, "| " + SyncBench.PIPELINE_SYNC + " ")).anyMatch(r -> r.contains("| 20 "))
                .anyMatch(r -> r.contains("| 40 "));
        assertThat(report.budgets()).extracting(BenchReport.Budget::target)
                .containsExactly("initial snapshot >= 5,000 products/s (small)");
        assertThat(text).contains("--rates did not include it");
    }

    private static List<String> rowsStartingWith(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).toList();
    }
}
