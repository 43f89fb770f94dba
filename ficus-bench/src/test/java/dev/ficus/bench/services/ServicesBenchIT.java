package dev.ficus.bench.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.bench.load.LoadOptions;
import dev.ficus.bench.report.BenchReport;
import dev.ficus.events.Domain;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole bench in a tiny configuration: every table gets its rows (figures are not checked: the machine is shared). */
class ServicesBenchIT {

    @Test
    void reportHasReadsMaximaAndApplyRowsForEveryService() throws Exception {
        LoadOptions tiny = new LoadOptions(50, Duration.ofMillis(200), Duration.ofMillis(500), 4, 2,
                Duration.ofSeconds(5));

        BenchReport report = new ServicesBench(tiny, List.of(Domain.values()), line -> { }).run();

        String text = report.render();
        System.out.println(text);
        for (Domain s : Domain.values()) {
            assertThat(text).containsPattern("\\| " + s.id() + " +\\| GET /rest/V1/\\S+ +\\| ficus ")
                    .containsPattern("\\| " + s.id() + " +\\| GET /rest/V1/\\S+ +\\| magento stand-in ")
                    .containsPattern("\\| " + s.id() + " +\\| ficus +\\| [\\d,]+ ")
                    .containsPattern("\\| " + s.id() + " +\\| magento stand-in +\\| [\\d,]+ ")
                    .containsPattern("\\| " + s.id() + " +\\| [1-9]\\d* +\\| ");
        }
        assertThat(report.budgets()).hasSize(4);
    }
}
