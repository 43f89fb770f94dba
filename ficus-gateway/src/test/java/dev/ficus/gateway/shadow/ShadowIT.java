package dev.ficus.gateway.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.gateway.testing.FakeMagento;
import dev.ficus.gateway.testing.FakeService;
import dev.ficus.gateway.testing.GatewayFixture;
import dev.ficus.gateway.testing.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shadow mode: Magento answers the client; the service's answer to the same read is compared and counted. */
class ShadowIT {
    private static final String[] ADMIN = {"Authorization", "Bearer " + FakeMagento.ADMIN};

    @TempDir
    Path dir;

    private static JsonNode shadowReport(GatewayFixture fx) {
        return Json.read(fx.http.get(fx.managementUrl("/_ficus/api/shadow"), "Authorization",
                "Bearer " + GatewayFixture.ADMIN_TOKEN).body());
    }

    private static long count(GatewayFixture fx, String domain, String result) {
        return shadowReport(fx).get("counts").get(domain).get(result).asLong();
    }

    @Test
    void aDeliberatelyDifferentFieldIsCountedAsADifferenceAndIgnoredFieldsAreNot() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of("FICUS_GATEWAY_SHADOW_IGNORE_FIELDS", "updated_at"),
                Map.of("catalog_read", "shadow", "customer_read", "shadow"))) {
            FakeService catalog = fx.service(Domain.CATALOG);

            catalog.changeBodies(body -> body.replace("2026-11-25 10:00:00", "2026-11-25 10:00:01"));
            TestHttp.Response same = fx.http.get(fx.url("/rest/V1/products/s1"), ADMIN);
            assertThat(same.header("X-Ficus-Backend")).isEqualTo("magento");
            assertThat(same.header("X-Magento")).isEqualTo("1");
            await().atMost(Duration.ofSeconds(5)).until(() -> count(fx, "catalog", "match") == 1);

            catalog.changeBodies(body -> body.replace("\"name\":\"Product ", "\"name\":\"Renamed "));
            TestHttp.Response different = fx.http.get(fx.url("/rest/V1/products/s2"), ADMIN);
            assertThat(Json.read(different.body()).get("name").asText()).isEqualTo("Product s2");
            await().atMost(Duration.ofSeconds(5)).until(() -> count(fx, "catalog", "difference") == 1);
            JsonNode latest = shadowReport(fx).get("latest_differences").get(0);
            assertThat(latest.get("domain").asText()).isEqualTo("catalog");
            assertThat(latest.get("path").asText()).isEqualTo("/rest/V1/products/s2");
            assertThat(latest.get("differences").get(0).asText())
                    .isEqualTo("$.name: magento=\"Product s2\" service=\"Renamed s2\"");
            assertThat(fx.metrics()).contains("ficus_gateway_shadow_comparisons_total{component=\"gateway\","
                    + "domain=\"catalog\",result=\"difference\"} 1.0");

            // a missing product: both say 404
            catalog.changeBodies(body -> body);
            fx.http.get(fx.url("/rest/V1/products/missing"), ADMIN);
            await().atMost(Duration.ofSeconds(5)).until(() -> count(fx, "catalog", "match") == 2);

            // a caller Magento refuses is not shadowed at all
            int reads = catalog.reads().size();
            assertThat(fx.http.get(fx.url("/rest/V1/products/s3"), "Authorization", "Bearer forged").status())
                    .isEqualTo(401);
            await().atMost(Duration.ofSeconds(5)).until(() -> count(fx, "catalog", "skipped") == 1);
            assertThat(catalog.reads()).hasSize(reads);

            // /customers/me goes to the service as the customer Magento answered for
            fx.http.get(fx.url("/rest/V1/customers/me"), "Authorization", "Bearer customer-12");
            await().atMost(Duration.ofSeconds(5)).until(() -> count(fx, "customer", "match") == 1);
            assertThat(fx.service(Domain.CUSTOMER).reads().get(0).uri()).isEqualTo("/rest/V1/customers/12");
        }
    }
}
