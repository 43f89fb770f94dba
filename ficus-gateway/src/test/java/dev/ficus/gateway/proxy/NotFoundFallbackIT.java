package dev.ficus.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.gateway.flag.FlagHistory;
import dev.ficus.gateway.flag.FlagHistoryEntry;
import dev.ficus.gateway.testing.FakeMagento;
import dev.ficus.gateway.testing.FakeService;
import dev.ficus.gateway.testing.GatewayFixture;
import dev.ficus.gateway.testing.Recorded;
import dev.ficus.gateway.testing.Shapes;
import dev.ficus.gateway.testing.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service that lags behind Magento says 404 for an entity Magento has: on a single-entity read the gateway asks
 * Magento the same read and serves its answer, without holding it against the service.
 */
class NotFoundFallbackIT {
    private static final String[] ADMIN = {"Authorization", "Bearer " + FakeMagento.ADMIN};
    private static final String[] CUSTOMER_5 = {"Authorization", "Bearer customer-5"};
    private static final Map<String, String> ALL_ON = Map.of("catalog_read", "true", "customer_read", "true",
            "order_read", "true", "inventory_read", "true");

    @TempDir
    Path dir;

    /** A read sent to the gateway, the path both upstreams get for it, and the caller's headers. */
    private record Case(String path, String upstreamPath, String[] headers) {
    }

    @Test
    void everySingleEntityReadThatTheServiceDeniesIsAnsweredByMagento() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of(), ALL_ON)) {
            fx.services.values().forEach(s -> s.notYet(path -> true));
            List<Case> cases = List.of(
                    new Case("/rest/V1/products/new-1", "/rest/V1/products/new-1", ADMIN),
                    new Case("/rest/default/V1/products/new-2", "/rest/default/V1/products/new-2", ADMIN),
                    new Case("/products/new-3", "/rest/V1/products/new-3", ADMIN),
                    new Case("/rest/V1/customers/5", "/rest/V1/customers/5", ADMIN),
                    new Case("/rest/V1/customers/me", "/rest/V1/customers/me", CUSTOMER_5),
                    new Case("/rest/V1/orders/7", "/rest/V1/orders/7", ADMIN),
                    new Case("/rest/V1/stockItems/new-1", "/rest/V1/stockItems/new-1", ADMIN));
            for (Case c : cases) {
                TestHttp.Response r = fx.http.send("GET", fx.url(c.path()), null, c.headers());
                // Magento got the client's own request, token and all (the last one: a token check may come first)
                List<Recorded> got = fx.magento.requestsTo(c.upstreamPath());
                assertThat(got).as(c.path()).isNotEmpty();
                assertThat(got.get(got.size() - 1).headers().get("Authorization")).as(c.path())
                        .isEqualTo(c.headers()[1]);
                TestHttp.Response direct = fx.http.send("GET", fx.magento.url() + c.upstreamPath(), null, c.headers());
                assertThat(direct.status()).isEqualTo(200);
                assertThat(r.status()).as(c.path()).isEqualTo(200);
                assertThat(Json.read(r.body())).as(c.path()).isEqualTo(Json.read(direct.body()));
                assertThat(r.header("X-Ficus-Backend")).as(c.path()).isEqualTo("magento");
                assertThat(r.header("X-Ficus-Fallback")).as(c.path()).isEqualTo("not-found");
                assertThat(r.header("X-Magento")).as(c.path()).isEqualTo("1");
                assertThat(r.header("X-Service")).as(c.path()).isNull();
                assertThat(r.header("Content-Type")).as(c.path()).isEqualTo("application/json");
            }
            // the services were asked first (the customer service for the id Magento gave the token)
            assertThat(fx.service(Domain.CATALOG).reads()).extracting(Recorded::path).containsExactly(
                    "/rest/V1/products/new-1", "/rest/default/V1/products/new-2", "/rest/V1/products/new-3");
            assertThat(fx.service(Domain.CUSTOMER).reads()).extracting(Recorded::path)
                    .containsExactly("/rest/V1/customers/5", "/rest/V1/customers/5");

            TestHttp.Response head = fx.http.send("HEAD", fx.url("/rest/V1/orders/8"), null, ADMIN);
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("X-Ficus-Fallback")).isEqualTo("not-found");
            assertThat(head.body()).isEmpty();

            // a collection read names no entity: its 404 is not a lag, and it is the service's answer
            TestHttp.Response list = fx.http.get(fx.url("/rest/V1/orders?searchCriteria[pageSize]=5"), ADMIN);
            assertThat(list.status()).isEqualTo(404);
            assertThat(list.header("X-Ficus-Backend")).isEqualTo("order");
            assertThat(list.header("X-Ficus-Fallback")).isNull();

            assertThat(fx.metrics())
                    .contains(fallbacks("catalog", 3)).contains(fallbacks("customer", 2))
                    .contains(fallbacks("order", 2)).contains(fallbacks("inventory", 1));
        }
    }

    @Test
    void whenMagentoSaysNotFoundTooTheClientGetsMagentos404() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of(), ALL_ON)) {
            // the service's own 404 for a product nobody has, and the lagging one's for an order
            fx.service(Domain.ORDER).notYet(path -> true);
            TestHttp.Response product = fx.http.get(fx.url("/rest/V1/products/missing"), ADMIN);
            assertThat(product.status()).isEqualTo(404);
            assertThat(product.header("X-Ficus-Backend")).isEqualTo("magento");
            assertThat(product.header("X-Ficus-Fallback")).isEqualTo("not-found");
            assertThat(product.header("X-Magento")).isEqualTo("1");
            assertThat(Json.read(product.body()).get("message").asText())
                    .isEqualTo("The product that was requested doesn't exist. Verify the product and try again.");
            assertThat(fx.service(Domain.CATALOG).reads()).extracting(Recorded::path)
                    .containsExactly("/rest/V1/products/missing");

            TestHttp.Response order = fx.http.get(fx.url("/rest/V1/orders/0"), ADMIN);
            assertThat(order.status()).isEqualTo(404);
            assertThat(order.header("X-Magento")).isEqualTo("1");
            assertThat(order.header("X-Ficus-Fallback")).isEqualTo("not-found");
            assertThat(order.body()).isEqualTo(Shapes.NOT_FOUND);
        }
    }

    @Test
    void notFoundNeverTurnsTheFlagOffAndDoesNotWipeTheFailureCountEither() throws Exception {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of(), Map.of("order_read", "true"))) {
            FakeService orders = fx.service(Domain.ORDER);
            orders.notYet(path -> true);
            for (int i = 1; i <= 10; i++) {
                assertFallback(fx, "/rest/V1/orders/" + i, "not-found");
            }
            assertThat(failures(fx)).isZero();
            orders.notYet(path -> false);
            assertThat(fx.http.get(fx.url("/rest/V1/orders/1"), ADMIN).header("X-Ficus-Backend")).isEqualTo("order");
            assertThat(fx.flagFile("order_read")).isEqualTo("true");

            // two failures, lagging reads in between, one more failure: three in a row
            orders.failWith(503);
            assertFallback(fx, "/rest/V1/orders/20", "5xx");
            assertFallback(fx, "/rest/V1/orders/21", "5xx");
            orders.failWith(0);
            orders.notYet(path -> true);
            for (int i = 30; i < 35; i++) {
                assertFallback(fx, "/rest/V1/orders/" + i, "not-found");
            }
            assertThat(failures(fx)).as("lagging reads neither count nor reset").isEqualTo(2);
            assertThat(fx.flagFile("order_read")).isEqualTo("true");
            assertThat(fx.webhook.posts()).isEmpty();
            orders.failWith(503);
            assertFallback(fx, "/rest/V1/orders/22", "5xx");
            await().atMost(Duration.ofSeconds(5)).until(() -> "false".equals(fx.flagFile("order_read")));
            FlagHistoryEntry entry = FlagHistory.parse(fx.flagFile("order_read.history")).get(0);
            assertThat(entry.reason()).isEqualTo("3 consecutive failures of the order service");
            assertThat(entry.errors()).hasSize(3).allMatch(e -> e.startsWith("read 5xx"));
            assertThat(fx.metrics()).contains(fallbacks("order", 15));
        }
    }

    @Test
    void withTheOptionOffTheServicesNotFoundIsServed() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of("FICUS_GATEWAY_FALLBACK_CONFIRM_NOT_FOUND", "false"),
                Map.of("catalog_read", "true"))) {
            fx.service(Domain.CATALOG).notYet(path -> path.endsWith("/new-1"));
            TestHttp.Response r = fx.http.get(fx.url("/rest/V1/products/new-1"), ADMIN);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.header("X-Ficus-Backend")).isEqualTo("catalog");
            assertThat(r.header("X-Service")).isEqualTo("1");
            assertThat(r.header("X-Ficus-Fallback")).isNull();
            assertThat(r.body()).isEqualTo(Shapes.NOT_FOUND);
            assertThat(fx.magento.requestsTo("/rest/V1/products/new-1")).isEmpty();
            assertThat(fx.metrics()).doesNotContain("reason=\"not-found\"");
        }
    }

    @Test
    void aNotFoundBodyLargerThanTheFallbackBufferIsDroppedAndTheServiceStaysUsable() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of("FICUS_GATEWAY_LIMITS_FALLBACK_BUFFER", "16"),
                Map.of("catalog_read", "true"))) {
            FakeService catalog = fx.service(Domain.CATALOG);
            catalog.notYet(path -> path.contains("/new-"));
            catalog.notFoundBody("{\"message\":\"" + "n".repeat(512 * 1024) + "\"}");
            for (int i = 0; i < 20; i++) {
                TestHttp.Response r = fx.http.get(fx.url("/rest/V1/products/new-" + i), ADMIN);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.header("X-Ficus-Fallback")).isEqualTo("not-found");
                assertThat(r.body()).isEqualTo(Shapes.product("new-" + i));
                TestHttp.Response known = fx.http.get(fx.url("/rest/V1/products/old-" + i), ADMIN);
                assertThat(known.header("X-Ficus-Backend")).isEqualTo("catalog");
                assertThat(known.body()).isEqualTo(Shapes.product("old-" + i));
            }
        }
    }

    @Test
    void shadowReadsAreUnaffected() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of(), Map.of("catalog_read", "shadow"))) {
            fx.service(Domain.CATALOG).notYet(path -> true);
            TestHttp.Response r = fx.http.get(fx.url("/rest/V1/products/new-1"), ADMIN);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-Ficus-Backend")).isEqualTo("magento");
            assertThat(r.header("X-Ficus-Fallback")).isNull();
            assertThat(fx.magento.requestsTo("/rest/V1/products/new-1")).hasSize(1);
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.service(Domain.CATALOG).reads().size() == 1);
            assertThat(fx.metrics()).doesNotContain("reason=\"not-found\"");
        }
    }

    private static void assertFallback(GatewayFixture fx, String path, String reason) {
        TestHttp.Response r = fx.http.get(fx.url(path), ADMIN);
        assertThat(r.status()).as(path).isEqualTo(200);
        assertThat(r.header("X-Ficus-Backend")).as(path).isEqualTo("magento");
        assertThat(r.header("X-Ficus-Fallback")).as(path).isEqualTo(reason);
    }

    /** The order service's consecutive failures, as the admin API shows them. */
    private static int failures(GatewayFixture fx) throws Exception {
        return fx.admin().list().stream().filter(f -> f.flag().equals("order_read")).findFirst().orElseThrow()
                .service().consecutiveFailures();
    }

    private static String fallbacks(String domain, int count) {
        return "ficus_gateway_fallbacks_total{component=\"gateway\",domain=\"" + domain
                + "\",reason=\"not-found\"} " + count + ".0";
    }
}
