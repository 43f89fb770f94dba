package dev.ficus.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.bench.load.LoadOptions;
import dev.ficus.bench.report.BenchReport;
import dev.ficus.bench.tool.NginxProxy;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The whole bench in a tiny configuration: direct, gateway and (when NGINX is installed; the test never installs it)
 * NGINX rows, and the failover row. Figures are not checked: the machine is shared.
 */
class GatewayBenchIT {

    @Test
    void reportHasEveryPathAndTheFailover() throws Exception {
        LoadOptions tiny = new LoadOptions(50, Duration.ofMillis(200), Duration.ofMillis(500), 4, 2,
                Duration.ofSeconds(5));
        GatewayBench.Options options = new GatewayBench.Options(tiny, 100, Duration.ofSeconds(1),
                Duration.ofSeconds(1), NginxProxy.DEFAULT_BINARY, false, 2);

        BenchReport report = new GatewayBench(options, line -> { }).run();

        String text = report.render();
        System.out.println(text);
        assertThat(text).containsPattern("\\| direct to the catalog service +\\| [\\d.]+ ")
                .containsPattern("\\| gateway \\(catalog_read=true\\) +\\| [\\d.]+ .*\\| catalog ")
                .containsPattern("\\| (\\d+\\.\\d ms|never) +\\| \\d+ +\\| [1-9]\\d* +\\|");
        if (Files.isExecutable(NginxProxy.DEFAULT_BINARY)) {
            assertThat(text).containsPattern("\\| nginx reverse proxy \\(2 workers\\) +\\| [\\d.]+ ");
            assertThat(report.budgets()).hasSize(4);
        } else {
            assertThat(text).contains("NGINX row skipped");
            assertThat(report.budgets()).hasSize(3);
        }
    }
}
