package dev.ficus.gateway.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.events.Domain;
import dev.ficus.gateway.testing.GatewayFixture;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Percentages route about that share of callers, each caller keeps its backend, cohorts are always in. */
class RolloutIT {
    @TempDir
    Path dir;

    @Test
    void aPercentageRoutesThatShareOfCallersAndEachKeepsItsBackend() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of("FICUS_GATEWAY_AUTH_ANONYMOUS_CATALOG", "true"),
                Map.of("catalog_read", "30%", "customer_read", "50%"))) {
            fx.magento.anonymousCatalog(true);
            Map<String, String> firstBackend = new HashMap<>();
            int callers = 400;
            for (int i = 0; i < callers; i++) {
                String cookie = "PHPSESSID=session-" + i;
                firstBackend.put(cookie, fx.http.get(fx.url("/rest/V1/products/p" + i), "Cookie", cookie)
                        .header("X-Ficus-Backend"));
            }
            long routed = firstBackend.values().stream().filter("catalog"::equals).count();
            assertThat(100.0 * routed / callers).isCloseTo(30.0, Offset.offset(7.0));
            for (int round = 0; round < 2; round++) {
                for (Map.Entry<String, String> e : firstBackend.entrySet()) {
                    assertThat(fx.http.get(fx.url("/rest/V1/products/other"), "Cookie", e.getKey())
                            .header("X-Ficus-Backend")).as(e.getKey()).isEqualTo(e.getValue());
                }
            }

            // customers are keyed by the id Magento gives for their token
            int customers = 200;
            int toService = 0;
            for (int id = 1; id <= customers; id++) {
                String token = "Bearer customer-" + id;
                String first = fx.http.get(fx.url("/rest/V1/customers/me"), "Authorization", token)
                        .header("X-Ficus-Backend");
                assertThat(fx.http.get(fx.url("/rest/default/V1/customers/me"), "Authorization", token)
                        .header("X-Ficus-Backend")).isEqualTo(first);
                if (first.equals("customer")) {
                    toService++;
                }
            }
            assertThat(100.0 * toService / customers).isCloseTo(50.0, Offset.offset(10.0));
        }
    }

    @Test
    void cohortsAreRoutedWhateverThePercentage() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of(),
                Map.of("customer_read", "customer:7,9", "order_read", "header:X-Ficus-Beta=yes"))) {
            assertThat(fx.http.get(fx.url("/rest/V1/customers/me"), "Authorization", "Bearer customer-7")
                    .header("X-Ficus-Backend")).isEqualTo("customer");
            assertThat(fx.http.get(fx.url("/rest/V1/customers/me"), "Authorization", "Bearer customer-8")
                    .header("X-Ficus-Backend")).isEqualTo("magento");
            String admin = "Bearer admin-token";
            assertThat(fx.http.get(fx.url("/rest/V1/orders/1"), "Authorization", admin, "X-Ficus-Beta", "yes")
                    .header("X-Ficus-Backend")).isEqualTo("order");
            assertThat(fx.http.get(fx.url("/rest/V1/orders/1"), "Authorization", admin)
                    .header("X-Ficus-Backend")).isEqualTo("magento");
            assertThat(fx.service(Domain.ORDER).reads()).hasSize(1);
        }
    }
}
