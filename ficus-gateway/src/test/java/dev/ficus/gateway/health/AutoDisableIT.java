package dev.ficus.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.ficus.core.config.Secret;
import dev.ficus.events.Domain;
import dev.ficus.gateway.admin.AdminApiException;
import dev.ficus.gateway.admin.FlagAdminClient;
import dev.ficus.gateway.admin.FlagView;
import dev.ficus.gateway.flag.FlagHistory;
import dev.ficus.gateway.flag.FlagHistoryEntry;
import dev.ficus.gateway.testing.FakeMagento;
import dev.ficus.gateway.testing.FakeService;
import dev.ficus.gateway.testing.GatewayFixture;
import dev.ficus.gateway.testing.TestHttp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The core promise: a failing service costs no client read, turns its flag off for good, and tells someone. */
class AutoDisableIT {
    private static final String[] ADMIN = {"Authorization", "Bearer " + FakeMagento.ADMIN};

    @TempDir
    Path dir;

    @Test
    void killingTheServiceUnderLoadFailsNoReadAndTurnsTheFlagOffUntilAPersonTurnsItOn() throws Exception {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of(), Map.of("catalog_read", "true"))) {
            FakeService catalog = fx.service(Domain.CATALOG);
            Load load = new Load(fx, 4);
            await().atMost(Duration.ofSeconds(10)).until(() -> load.servedBy("catalog") > 50);

            catalog.stop();
            await().atMost(Duration.ofSeconds(5)).until(() -> "false".equals(fx.flagFile("catalog_read")));
            int atDisable = load.total();
            await().atMost(Duration.ofSeconds(10)).until(() -> load.total() > atDisable + 100);
            load.stop();

            assertThat(load.failures).as("client reads that failed").isEmpty();
            assertThat(load.servedBy("magento")).isPositive();

            await().atMost(Duration.ofSeconds(5)).until(() -> !fx.webhook.posts().isEmpty());
            List<FlagHistoryEntry> history = FlagHistory.parse(fx.flagFile("catalog_read.history"));
            assertThat(history).hasSize(1);
            FlagHistoryEntry entry = history.get(0);
            assertThat(entry.action()).isEqualTo("auto-disable");
            assertThat(entry.from()).isEqualTo("true");
            assertThat(entry.to()).isEqualTo("false");
            assertThat(entry.reason()).isEqualTo("3 consecutive failures of the catalog service");
            assertThat(entry.errors()).hasSize(3).allMatch(e -> e.contains("refused") || e.contains("reset")
                    || e.contains("timeout"));
            assertThat(entry.by()).startsWith("gateway@");
            assertThat(fx.metrics()).contains("ficus_gateway_auto_disables_total{component=\"gateway\",flag=\"catalog_read\"} 1.0");

            // the service comes back: healthy again, but the flag stays off
            catalog.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.http.get(fx.managementUrl("/health/ready")).body()
                    .contains("\"catalog\":\"UP\""));
            int readsBefore = catalog.reads().size();
            for (int i = 0; i < 10; i++) {
                assertThat(fx.http.get(fx.url("/rest/V1/products/back-" + i), ADMIN).header("X-Ficus-Backend"))
                        .isEqualTo("magento");
            }
            assertThat(catalog.reads()).hasSize(readsBefore);
            assertThat(fx.flagFile("catalog_read")).isEqualTo("false");
            assertThat(fx.webhook.posts()).as("alerts").hasSize(1);
            assertThat(fx.webhook.posts().get(0)).contains("catalog_read").contains("3 consecutive failures");

            FlagView listed = fx.admin().list().stream().filter(f -> f.flag().equals("catalog_read")).findFirst()
                    .orElseThrow();
            assertThat(listed.state()).isEqualTo("auto_disabled");
            assertThat(listed.source()).startsWith("directory ");
            assertThat(FlagAdminClient.render(fx.admin().list())).contains("auto-disable").contains("auto_disabled");

            // re-enabling takes the admin token
            FlagAdminClient noToken = new FlagAdminClient(URI.create(fx.managementUrl("")), "/_ficus", Secret.empty(),
                    Duration.ofSeconds(5));
            FlagAdminClient wrongToken = new FlagAdminClient(URI.create(fx.managementUrl("")), "/_ficus",
                    Secret.of("guess"), Duration.ofSeconds(5));
            assertThatThrownBy(() -> noToken.enable("catalog_read", null, "try"))
                    .isInstanceOfSatisfying(AdminApiException.class, e -> assertThat(e.status()).isEqualTo(401));
            assertThatThrownBy(() -> wrongToken.list())
                    .isInstanceOfSatisfying(AdminApiException.class, e -> assertThat(e.status()).isEqualTo(401));
            assertThat(fx.flagFile("catalog_read")).isEqualTo("false");

            FlagView enabled = fx.admin().enable("catalog_read", null, "service fixed, checked by hand");
            assertThat(enabled.value()).isEqualTo("true");
            assertThat(enabled.state()).isEqualTo("on");
            assertThat(fx.flagFile("catalog_read")).isEqualTo("true");
            assertThat(FlagHistory.parse(fx.flagFile("catalog_read.history"))).extracting(FlagHistoryEntry::action)
                    .containsExactly("auto-disable", "enable");
            assertThat(fx.http.get(fx.url("/rest/V1/products/again"), ADMIN).header("X-Ficus-Backend"))
                    .isEqualTo("catalog");
        }
    }

    @Test
    void failedReadsFallBackAtOnceAndOnlyConsecutiveFailuresCount() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of("FICUS_GATEWAY_TIMEOUTS_SERVICE", "200ms"),
                Map.of("order_read", "true"))) {
            FakeService orders = fx.service(Domain.ORDER);
            orders.failWith(503);
            assertFallback(fx, "5xx");
            assertFallback(fx, "5xx");
            orders.failWith(0);
            assertThat(fx.http.get(fx.url("/rest/V1/orders/1"), ADMIN).header("X-Ficus-Backend")).isEqualTo("order");
            orders.delay(2_000);
            assertFallback(fx, "timeout");
            orders.delay(0);
            orders.failWith(500);
            assertFallback(fx, "5xx");
            assertThat(fx.flagFile("order_read")).as("two failures in a row are not three").isEqualTo("true");
            assertThat(fx.webhook.posts()).isEmpty();

            assertFallback(fx, "5xx");
            await().atMost(Duration.ofSeconds(5)).until(() -> "false".equals(fx.flagFile("order_read")));
            TestHttp.Response after = fx.http.get(fx.url("/rest/V1/orders/1"), ADMIN);
            assertThat(after.header("X-Ficus-Backend")).isEqualTo("magento");
            assertThat(after.header("X-Ficus-Fallback")).isNull();
            assertThat(fx.metrics()).contains("ficus_gateway_fallbacks_total{component=\"gateway\",domain=\"order\","
                    + "reason=\"5xx\"} 4.0");
        }
    }

    @Test
    void aWebhookThatIsDownDoesNotStopTheDisable() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of("FICUS_GATEWAY_ALERT_WEBHOOK_URL",
                "http://127.0.0.1:1/nobody-listens"), Map.of("inventory_read", "true"))) {
            fx.service(Domain.INVENTORY).failWith(500);
            for (int i = 0; i < 3; i++) {
                assertThat(fx.http.get(fx.url("/rest/V1/stockItems/s" + i), ADMIN).status()).isEqualTo(200);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> "false".equals(fx.flagFile("inventory_read")));
            await().atMost(Duration.ofSeconds(5)).until(() -> fx.metrics()
                    .contains("ficus_gateway_alerts_total{component=\"gateway\",result=\"failed\"} 1.0"));
        }
    }

    private static void assertFallback(GatewayFixture fx, String reason) {
        TestHttp.Response r = fx.http.get(fx.url("/rest/V1/orders/1"), ADMIN);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Ficus-Backend")).isEqualTo("magento");
        assertThat(r.header("X-Ficus-Fallback")).isEqualTo(reason);
        assertThat(r.header("X-Magento")).isEqualTo("1");
    }

    /** Clients reading products in a loop, each read checked: 200 and the product asked for. */
    private static final class Load {
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final Map<String, AtomicInteger> backends = new java.util.concurrent.ConcurrentHashMap<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final ExecutorService pool;

        Load(GatewayFixture fx, int clients) {
            pool = Executors.newFixedThreadPool(clients);
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.submit(() -> {
                    for (int i = 0; running.get() && i < 200_000; i++) {
                        String sku = "load-" + client + "-" + i;
                        try {
                            TestHttp.Response r = fx.http.get(fx.url("/rest/V1/products/" + sku), ADMIN);
                            if (r.status() != 200 || !r.body().contains("\"sku\":\"" + sku + "\"")) {
                                failures.add(sku + ": " + r.status() + " " + r.body());
                            }
                            backends.computeIfAbsent(r.header("X-Ficus-Backend"), k -> new AtomicInteger())
                                    .incrementAndGet();
                        } catch (RuntimeException | AssertionError e) {
                            failures.add(sku + ": " + e);
                        }
                    }
                });
            }
        }

        int servedBy(String backend) {
            AtomicInteger n = backends.get(backend);
            return n == null ? 0 : n.get();
        }

        int total() {
            return backends.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
