package dev.ficus.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.gateway.testing.FakeMagento;
import dev.ficus.gateway.testing.GatewayFixture;
import dev.ficus.gateway.testing.Recorded;
import dev.ficus.gateway.testing.TestHttp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With every flag on, each caller gets what Magento would give it: the same status and body as asking Magento
 * directly, and a service answers only callers Magento would serve.
 */
class AuthParityIT {
    private static final Map<String, String> ALL_ON = Map.of("catalog_read", "true", "customer_read", "true",
            "order_read", "true", "inventory_read", "true");

    @TempDir
    Path dir;

    /** Asks the gateway and Magento the same thing; the answers must match. Returns the gateway's backend. */
    private static String parity(GatewayFixture fx, String path, String... headers) {
        TestHttp.Response viaGateway = fx.http.send("GET", fx.url(path), null, headers);
        TestHttp.Response direct = fx.http.send("GET", fx.magento.url() + path, null, headers);
        assertThat(viaGateway.status()).as("status of %s", path).isEqualTo(direct.status());
        assertThat(Json.read(viaGateway.body())).as("body of %s", path).isEqualTo(Json.read(direct.body()));
        String fallback = viaGateway.header("X-Ficus-Fallback");
        return viaGateway.header("X-Ficus-Backend") + (fallback == null ? "" : " (fallback: " + fallback + ")");
    }

    private static String[] bearer(String token) {
        return new String[]{"Authorization", "Bearer " + token};
    }

    @Test
    void everyCallerGetsWhatMagentoWouldGive() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of(), ALL_ON)) {
            // no token: Magento's 401, from Magento
            assertThat(parity(fx, "/rest/V1/products/p1")).isEqualTo("magento");
            assertThat(parity(fx, "/rest/V1/orders/7")).isEqualTo("magento");
            assertThat(parity(fx, "/rest/V1/customers/me")).isEqualTo("magento");
            // a token Magento does not know
            assertThat(parity(fx, "/rest/V1/products/p1", bearer("forged"))).isEqualTo("magento");
            assertThat(parity(fx, "/rest/V1/stockItems/p1", bearer("forged"))).isEqualTo("magento");
            TestHttp.Response refused = fx.http.send("GET", fx.url("/rest/V1/customers/5"), null, bearer("forged"));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.body()).contains("The consumer isn't authorized to access %resources.")
                    .contains("Magento_Customer::customer");
            // a customer token on another customer's id, and on admin-only reads
            assertThat(parity(fx, "/rest/V1/customers/6", bearer("customer-5"))).isEqualTo("magento");
            assertThat(parity(fx, "/rest/V1/orders/7", bearer("customer-5"))).isEqualTo("magento");
            assertThat(parity(fx, "/rest/V1/products/p1", bearer("customer-5"))).isEqualTo("magento");
            // an integration allowed products only
            assertThat(parity(fx, "/rest/V1/products/p1", bearer(FakeMagento.CATALOG_INTEGRATION))).isEqualTo("catalog");
            assertThat(parity(fx, "/rest/V1/orders/7", bearer(FakeMagento.CATALOG_INTEGRATION))).isEqualTo("magento");
            // an admin token reads everything from the services, except /me which is for customers
            assertThat(parity(fx, "/rest/V1/customers/6", bearer(FakeMagento.ADMIN))).isEqualTo("customer");
            assertThat(parity(fx, "/rest/V1/orders/7", bearer(FakeMagento.ADMIN))).isEqualTo("order");
            assertThat(parity(fx, "/rest/V1/stockItems/p1", bearer(FakeMagento.ADMIN))).isEqualTo("inventory");
            // the service says 404: only Magento can say the product does not exist
            assertThat(parity(fx, "/rest/V1/products/missing", bearer(FakeMagento.ADMIN)))
                    .isEqualTo("magento (fallback: not-found)");
            assertThat(parity(fx, "/rest/V1/customers/me", bearer(FakeMagento.ADMIN))).isEqualTo("magento");
            // a customer reads itself from the service, which gets the id Magento gave for the token
            assertThat(parity(fx, "/rest/V1/customers/me", bearer("customer-5"))).isEqualTo("customer");
            Recorded me = fx.service(Domain.CUSTOMER).reads().get(fx.service(Domain.CUSTOMER).reads().size() - 1);
            assertThat(me.uri()).isEqualTo("/rest/V1/customers/5");
            assertThat(me.headers().get("X-Ficus-Customer-Id")).isEqualTo("5");
            assertThat(me.headers().contains("Authorization")).as("services never see tokens").isFalse();
            // any other scheme goes to Magento
            assertThat(parity(fx, "/rest/V1/orders/7", "Authorization", "OAuth oauth_consumer_key=\"k\""))
                    .isEqualTo("magento");
        }
    }

    @Test
    void magentosVerdictOnATokenIsCachedBriefly() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of("FICUS_GATEWAY_AUTH_CACHE_TTL", "1m"), ALL_ON)) {
            for (int i = 0; i < 20; i++) {
                assertThat(fx.http.send("GET", fx.url("/rest/V1/orders/" + (i + 1)), null, bearer(FakeMagento.ADMIN))
                        .header("X-Ficus-Backend")).isEqualTo("order");
                assertThat(fx.http.send("GET", fx.url("/rest/V1/orders/" + (i + 1)), null, bearer("forged"))
                        .status()).isEqualTo(401);
            }
            // one check per token and kind of read, not one per request
            assertThat(fx.magento.requestsTo("/rest/V1/orders/0")).hasSize(2);
        }
    }

    @Test
    void anonymousProductReadsOnlyWhenMagentoAllowsThem() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of("FICUS_GATEWAY_AUTH_ANONYMOUS_CATALOG", "true"),
                ALL_ON)) {
            fx.magento.anonymousCatalog(true);
            assertThat(parity(fx, "/rest/V1/products/p1")).isEqualTo("catalog");
            assertThat(parity(fx, "/rest/default/V1/products/p1")).isEqualTo("catalog");
            assertThat(parity(fx, "/products/p1".replace("/products", "/rest/V1/products"))).isEqualTo("catalog");
            assertThat(parity(fx, "/rest/V1/stockItems/p1")).isEqualTo("magento");
            assertThat(parity(fx, "/rest/V1/orders/3")).isEqualTo("magento");
        }
    }
}
