package dev.ficus.gateway.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.events.Domain;
import dev.ficus.gateway.Gateway;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.admin.FlagView;
import dev.ficus.gateway.testing.FakeMagento;
import dev.ficus.gateway.testing.FakeService;
import dev.ficus.gateway.testing.GatewayFixture;
import dev.ficus.gateway.testing.TestHttp;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flags change routing without a restart, within a second; a bad value or an unreadable store changes nothing. */
class FlagReloadIT {
    private static final String[] ADMIN = {"Authorization", "Bearer " + FakeMagento.ADMIN};

    @TempDir
    Path dir;

    private static String backend(GatewayFixture fx) {
        return fx.http.get(fx.url("/rest/V1/products/p1"), ADMIN).header("X-Ficus-Backend");
    }

    @Test
    void anEditedFlagFileChangesRoutingWithinASecondAndABadValueKeepsTheLastGoodState() throws Exception {
        try (GatewayFixture fx = GatewayFixture.start(dir)) {
            assertThat(backend(fx)).isEqualTo("magento");

            fx.flag("catalog_read", "true");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> backend(fx).equals("catalog"));

            fx.flag("catalog_read", "ture");
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.admin().list().stream()
                    .anyMatch(f -> f.flag().equals("catalog_read") && f.problem() != null));
            assertThat(backend(fx)).isEqualTo("catalog");
            FlagView view = fx.admin().list().get(0);
            assertThat(view.value()).isEqualTo("ture");
            assertThat(view.rule()).isEqualTo("on");
            assertThat(view.problem()).contains("keeping 'true'").contains("'ture' is not true, false");
            assertThat(fx.metrics()).contains(
                    "ficus_gateway_flag_invalid_values_total{component=\"gateway\",flag=\"catalog_read\"} 1.0");

            // the whole store goes away: everything stays as it was
            Path moved = dir.resolve("flags-moved");
            Files.move(fx.flagDir, moved);
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.http.get(fx.managementUrl("/health/ready")).body()
                    .contains("flag_store"));
            assertThat(backend(fx)).isEqualTo("catalog");
            assertThat(fx.metrics()).containsPattern("ficus_gateway_flag_store_errors_total\\{component=\"gateway\"} [1-9]");
            Files.move(moved, fx.flagDir);

            fx.flag("catalog_read", "false");
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> backend(fx).equals("magento"));
        }
    }

    /** How Kubernetes updates a mounted ConfigMap: new files in a new directory, then one swap of the ..data link. */
    @Test
    void followsAMountedConfigMapUpdate() throws IOException {
        try (GatewayFixture fx = GatewayFixture.start(dir)) {
            Path v1 = Files.createDirectory(fx.flagDir.resolve("..2026_11_25_10_00_00.1"));
            Files.writeString(v1.resolve("order_read"), "false");
            Files.createSymbolicLink(fx.flagDir.resolve("..data"), v1.getFileName());
            Files.createSymbolicLink(fx.flagDir.resolve("order_read"), Path.of("..data", "order_read"));
            fx.awaitFlag(Domain.ORDER, "false");

            Path v2 = Files.createDirectory(fx.flagDir.resolve("..2026_11_25_10_01_00.2"));
            Files.writeString(v2.resolve("order_read"), "true");
            Path link = fx.flagDir.resolve("..data_tmp");
            Files.createSymbolicLink(link, v2.getFileName());
            Files.move(link, fx.flagDir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() ->
                    "order".equals(fx.http.get(fx.url("/rest/V1/orders/3"), ADMIN).header("X-Ficus-Backend")));
        }
    }

    @Test
    void aConfigMapManifestFileIsAStoreToo() throws IOException {
        Vertx vertx = Vertx.vertx();
        Path manifest = dir.resolve("feature-flags.yaml");
        Files.writeString(manifest, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: feature-flags
                data:
                  customer_read: "false"
                """);
        try (FakeMagento magento = new FakeMagento(vertx); FakeService customers = new FakeService(vertx);
             TestHttp http = new TestHttp(vertx)) {
            String yaml = "magento:\n  base_url: " + magento.url() + "\ngateway:\n  host: 127.0.0.1\n  port: 0\n  management:\n    port: 0\n"
                    + "  services:\n    customer: " + customers.url() + "\n  flags:\n    store: manifest\n    path: "
                    + manifest + "\n    reload_interval: 100ms\n  health:\n    interval: 100ms\n    timeout: 1s\n";
            LoadedConfig config = ConfigLoader.load(ConfigSource.fromYaml(yaml, Map.of()),
                    List.of(GatewayConfig.SECTION, MagentoConfig.SECTION));
            try (Gateway gateway = Gateway.start(config.get(GatewayConfig.SECTION), config.get(MagentoConfig.SECTION))) {
                String url = "http://127.0.0.1:" + gateway.port() + "/rest/V1/customers/8";
                assertThat(http.get(url, ADMIN).header("X-Ficus-Backend")).isEqualTo("magento");
                Files.writeString(manifest, Files.readString(manifest).replace("\"false\"", "\"true\""));
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                        .until(() -> "customer".equals(http.get(url, ADMIN).header("X-Ficus-Backend")));

                customers.failWith(500);
                for (int i = 0; i < 3; i++) {
                    assertThat(http.get(url, ADMIN).status()).isEqualTo(200);
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> new ManifestFlagStore(manifest).read()
                        .get("customer_read").equals("false"));
                assertThat(Files.readString(manifest)).contains("kind: ConfigMap").contains("name: feature-flags")
                        .contains("customer_read.history");
            }
        } finally {
            vertx.close().await();
        }
    }
}
