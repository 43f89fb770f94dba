package dev.ficus.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.events.Domain;
import dev.ficus.gateway.admin.FlagAdminClient;
import dev.ficus.gateway.admin.FlagView;
import dev.ficus.gateway.testing.FakeMagento;
import dev.ficus.gateway.testing.FakeService;
import dev.ficus.gateway.testing.GatewayFixture;
import dev.ficus.gateway.testing.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Behind is not broken: a service whose readiness says {@code catching_up} (202, as the read services answer while
 * their snapshot or a backlog is not yet applied) gets no reads and no failures counted, however many probes say so;
 * its flag stays as it is, and once it has caught up its reads go back to it by themselves.
 */
class CatchingUpIT {
    private static final String[] ADMIN = {"Authorization", "Bearer " + FakeMagento.ADMIN};

    @TempDir
    Path dir;

    @Test
    void aServiceCatchingUpLosesItsReadsToMagentoButNeverItsFlag() throws Exception {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of(), Map.of("catalog_read", "true"))) {
            FakeService catalog = fx.service(Domain.CATALOG);
            assertThat(read(fx, "before").header("X-Ficus-Backend")).isEqualTo("catalog");

            catalog.catchingUp(12_345, 4_512);
            int probesBefore = catalog.probes();
            // many more probes than the three failures that would turn the flag off
            await().atMost(Duration.ofSeconds(10)).until(() -> catalog.probes() >= probesBefore + 8);
            int readsBefore = catalog.reads().size();
            for (int i = 0; i < 5; i++) {
                TestHttp.Response r = read(fx, "behind-" + i);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("X-Ficus-Backend")).isEqualTo("magento");
                assertThat(r.header("X-Ficus-Fallback")).isEqualTo("catching-up");
                assertThat(r.body()).contains("\"sku\":\"behind-" + i + "\"");
            }
            assertThat(catalog.reads()).as("reads sent to a service catching up").hasSize(readsBefore);
            assertThat(fx.flagFile("catalog_read")).isEqualTo("true");
            assertThat(fx.flagFile("catalog_read.history")).as("flag history").isNull();
            assertThat(fx.webhook.posts()).as("alerts").isEmpty();

            FlagView listed = fx.admin().list().stream().filter(f -> f.flag().equals("catalog_read")).findFirst()
                    .orElseThrow();
            assertThat(listed.state()).isEqualTo("on");
            assertThat(listed.service().state()).isEqualTo("catching_up");
            assertThat(listed.service().lagMs()).isEqualTo(12_345L);
            assertThat(listed.service().pending()).isEqualTo(4_512L);
            assertThat(listed.service().consecutiveFailures()).isZero();
            assertThat(listed.service().summary()).isEqualTo("catching up (lag 12.3 s, 4,512 pending)");
            assertThat(FlagAdminClient.render(fx.admin().list())).contains("catalog catching up (lag 12.3 s");
            assertThat(fx.http.get(fx.managementUrl("/health/ready")).body()).contains("\"catalog\":\"CATCHING_UP\"");
            assertThat(fx.metrics())
                    .contains("ficus_gateway_service_catching_up{component=\"gateway\",service=\"catalog\"} 1.0")
                    .contains("ficus_gateway_fallbacks_total{component=\"gateway\",domain=\"catalog\","
                            + "reason=\"catching-up\"} 5.0");

            catalog.catchingUp(-1, 0);
            await().atMost(Duration.ofSeconds(10)).until(() -> "catalog".equals(read(fx, "after").header(
                    "X-Ficus-Backend")));
            TestHttp.Response back = read(fx, "back");
            assertThat(back.header("X-Ficus-Backend")).isEqualTo("catalog");
            assertThat(back.header("X-Ficus-Fallback")).isNull();
            assertThat(fx.flagFile("catalog_read")).isEqualTo("true");
            assertThat(fx.admin().list().stream().filter(f -> f.flag().equals("catalog_read")).findFirst()
                    .orElseThrow().service().summary()).isEqualTo("healthy");
        }
    }

    @Test
    void aServiceThatFailsWhileCatchingUpIsStillCountedAsFailing() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of(), Map.of("order_read", "true"))) {
            FakeService orders = fx.service(Domain.ORDER);
            assertThat(fx.http.get(fx.url("/rest/V1/orders/1"), ADMIN).header("X-Ficus-Backend"))
                    .isEqualTo("order");
            orders.catchingUp(60_000, 10);
            await().atMost(Duration.ofSeconds(5)).until(() -> "catching-up".equals(
                    fx.http.get(fx.url("/rest/V1/orders/1"), ADMIN).header("X-Ficus-Fallback")));
            // a crash is a failure whatever the service said before
            orders.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> "false".equals(fx.flagFile("order_read")));
        }
    }

    private static TestHttp.Response read(GatewayFixture fx, String sku) {
        return fx.http.get(fx.url("/rest/V1/products/" + sku), ADMIN);
    }
}
