package dev.ficus.bench.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.bench.load.LoadOptions;
import dev.ficus.bench.load.LoadResult;
import dev.ficus.bench.load.Rounds;
import dev.ficus.bench.report.Latencies;
import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.gateway.config.GatewayConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StaticUpstreamBenchTest {

    @Test
    void theGatewaysConfigurationLoadsWithTheOriginAsMagentoOnItsOwnPortAndFlagDirectory() {
        Map<Domain, Integer> ports = new EnumMap<>(Domain.class);
        for (Domain d : Domain.values()) {
            ports.put(d, 5000 + d.ordinal());
        }
        String yaml = StaticUpstreamBench.gatewayYaml(4100, 4200, Path.of("/tmp/flags"), ports);

        LoadedConfig config = ConfigLoader.load(ConfigSource.fromYaml(yaml, Map.of()),
                List.of(GatewayConfig.SECTION, MagentoConfig.SECTION));

        GatewayConfig gateway = config.get(GatewayConfig.SECTION);
        assertThat(config.get(MagentoConfig.SECTION).baseUrl()).isEqualTo("http://127.0.0.1:4200");
        assertThat(gateway.port()).isEqualTo(4100);
        assertThat(gateway.host()).isEqualTo("127.0.0.1");
        assertThat(gateway.instances()).isEqualTo(StaticUpstreamBench.PROXY_WORKERS);
        assertThat(gateway.flags().path()).isEqualTo(Path.of("/tmp/flags"));
    }

    @Test
    void theComparisonTakesSharesAndP99DifferencesRoundByRound() {
        Rounds gatewayMax = new Rounds(List.of(result(900, 3), result(470, 2), result(850, 4)));
        Rounds nginxMax = new Rounds(List.of(result(1_000, 1), result(500, 1), result(1_000, 1)));
        Rounds gatewayFixed = new Rounds(List.of(result(100, 2), result(100, 1), result(100, 1)));
        Rounds nginxFixed = new Rounds(List.of(result(100, 1), result(100, 1), result(100, 1)));

        StaticUpstreamBench.Comparison c = StaticUpstreamBench.Comparison.of(gatewayMax, nginxMax, gatewayFixed,
                nginxFixed);

        assertThat(c.shares()).containsExactly(0.9, 0.94, 0.85);
        assertThat(c.medianShare()).isEqualTo(0.9);
        assertThat(c.eachShare()).isEqualTo("90.0 % / 94.0 % / 85.0 %");
        // HdrHistogram keeps three significant digits: 3 ms may read as 3.001
        assertThat(c.medianClosedP99Difference()).isCloseTo(2.0, within(0.01));
        assertThat(c.medianOpenP99Difference()).isCloseTo(0.0, within(0.01));
        assertThat(c.eachOpenDifference()).isEqualTo("+1.00 ms / +0.00 ms / +0.00 ms");
        String table = c.table("2,000 req/s").render();
        assertThat(table).contains("| 1      | 900           | 1,000       | 90.0 %          | 3.00 / 1.00 ms")
                .containsPattern("\\| median +\\| +\\| +\\| 90\\.0 % +\\| +\\| \\+2\\.00 ms +\\| +\\| \\+0\\.00 ms");
    }

    @Test
    void theProductIsAFewKilobytesOfMagentosSingleProductShape() throws Exception {
        String json = StaticProduct.json();
        JsonNode product = Json.mapper().readTree(json);

        assertThat(json.getBytes(StandardCharsets.UTF_8).length).isBetween(2_500, 5_000);
        assertThat(product.fieldNames()).toIterable().startsWith("id", "sku", "name");
        assertThat(product.path("sku").asText()).isEqualTo(StaticProduct.SKU);
        assertThat(product.path("extension_attributes").path("stock_item").path("is_in_stock").asBoolean()).isTrue();
        assertThat(product.path("custom_attributes").findValuesAsText("attribute_code"))
                .contains("description", "url_key", "category_ids", "meta_title");
        assertThat(StaticProduct.PATH).isEqualTo("/rest/V1/products/24-MB01");
    }

    @Test
    void theGatewaysJvmGetsFicusJavaOptsBeforeItsClassPath() {
        List<String> command = GatewayProcess.command(" -Xmx512m  -XX:+UseParallelGC ", Path.of("/tmp/g.yaml"));

        assertThat(command.get(0)).endsWith("/bin/java");
        assertThat(command.subList(1, command.size())).containsExactly("-Xmx512m", "-XX:+UseParallelGC", "-cp",
                System.getProperty("java.class.path"), GatewayProcessMain.class.getName(), "/tmp/g.yaml");
        assertThat(GatewayProcess.command("", Path.of("/tmp/g.yaml"))).hasSize(5);
    }

    @Test
    void optionsRefuseWhatCannotRun() {
        LoadOptions load = new LoadOptions(100, Duration.ofSeconds(1), Duration.ofSeconds(1), 4, 4,
                Duration.ofSeconds(1));
        assertThatThrownBy(() -> new StaticUpstreamBench.Options(load, 0, Path.of("nginx"), false, Path.of("wrk"),
                false, 1)).hasMessageContaining("--rounds");
        assertThatThrownBy(() -> new StaticUpstreamBench.Options(load, 1, Path.of("nginx"), false, Path.of("wrk"),
                false, 0)).hasMessageContaining("--origin-workers");
    }

    /** A round with this rate (one second) and every latency at {@code p99Millis}. */
    private static LoadResult result(long perSecond, long p99Millis) {
        Latencies l = new Latencies();
        for (int i = 0; i < 100; i++) {
            l.recordNanos(TimeUnit.MILLISECONDS.toNanos(p99Millis));
        }
        return new LoadResult(perSecond, perSecond, 0, 1.0, l.summary(), null);
    }
}
