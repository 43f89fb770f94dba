package dev.ficus.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ficus.bench.load.LoadOptions;
import dev.ficus.bench.load.WrkLoad;
import dev.ficus.bench.report.BenchReport;
import dev.ficus.bench.tool.NginxProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The static-upstream mode in a tiny configuration, end to end: NGINX as the origin and as the proxy, the gateway in
 * its own JVM, wrk when it is installed (the test never installs anything; without wrk the highest-rate runs come
 * from the JVM's client, and the report says so). Figures are not checked: the machine is shared.
 */
class StaticUpstreamBenchIT {

    @Test
    void everyPathIsMeasuredAndTheGatewayProxiesEveryReadToTheOrigin() throws Exception {
        assumeTrue(Files.isExecutable(NginxProxy.DEFAULT_BINARY), "NGINX is the origin; it is not installed");
        LoadOptions tiny = new LoadOptions(100, Duration.ofSeconds(1), Duration.ofSeconds(1), 4, 4,
                Duration.ofSeconds(5));
        StaticUpstreamBench.Options options = new StaticUpstreamBench.Options(tiny, 1, NginxProxy.DEFAULT_BINARY,
                false, WrkLoad.DEFAULT_BINARY, false, 1);

        BenchReport report = new StaticUpstreamBench(options, line -> { }).run();

        String text = report.render();
        System.out.println(text);
        assertThat(text).containsPattern("\\| direct to the origin \\(NGINX, 1 worker\\) +\\| [1-9][\\d,]* ")
                .containsPattern("\\| gateway \\(every flag off: Magento = the origin\\) +\\| [1-9][\\d,]* .*"
                        + "\\| magento 100\\.0 % +\\|")
                .containsPattern("\\| nginx reverse proxy \\(2 workers\\) +\\| [1-9][\\d,]* .*\\| none 100\\.0 % +\\|")
                .containsPattern("\\| median +\\| +\\| +\\| [\\d.]+ % ");
        assertThat(report.budgets()).hasSize(3)
                .allSatisfy(b -> assertThat(b.target()).containsPattern("NGINX's"));
        if (Files.isExecutable(WrkLoad.DEFAULT_BINARY)) {
            assertThat(text).contains("wrk, 1 thread, 4 connections").doesNotContain("wrk is not available");
        } else {
            assertThat(text).contains("wrk is not available");
        }
    }

    @Test
    void withoutWrkTheJvmClientMakesTheHighestRateRunsAndTheReportSaysSo() throws Exception {
        assumeTrue(Files.isExecutable(NginxProxy.DEFAULT_BINARY), "NGINX is the origin; it is not installed");
        LoadOptions tiny = new LoadOptions(100, Duration.ofMillis(300), Duration.ofMillis(500), 4, 4,
                Duration.ofSeconds(5));
        StaticUpstreamBench.Options options = new StaticUpstreamBench.Options(tiny, 1, NginxProxy.DEFAULT_BINARY,
                false, Path.of("/nonexistent/wrk"), false, 1);

        String text = new StaticUpstreamBench(options, line -> { }).run().render();

        assertThat(text).contains("this JVM's load client, 4 connections",
                        "wrk is not available (/nonexistent/wrk not found (installation not allowed by "
                                + "--no-wrk-install))")
                .containsPattern("\\| gateway \\(every flag off: Magento = the origin\\) +\\| [1-9][\\d,]* .*"
                        + "\\| magento 100\\.0 % +\\|");
    }
}
