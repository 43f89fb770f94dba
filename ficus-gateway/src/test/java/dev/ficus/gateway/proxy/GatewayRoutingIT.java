package dev.ficus.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.gateway.testing.FakeMagento;
import dev.ficus.gateway.testing.FakeService;
import dev.ficus.gateway.testing.GatewayFixture;
import dev.ficus.gateway.testing.Recorded;
import dev.ficus.gateway.testing.TestHttp;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway in front of a Magento stand-in and four service stand-ins: routing, headers, bodies and limits. */
class GatewayRoutingIT {
    private static final String ADMIN = "Bearer " + FakeMagento.ADMIN;
    /** One path per default route, with and without store code, and the short form. */
    private static final List<String> ROUTED = List.of(
            "/rest/V1/products/sku-1", "/rest/default/V1/products/sku-1", "/rest/V1/products?searchCriteria[pageSize]=5",
            "/products/sku-1", "/products", "/rest/V1/customers/me", "/rest/V1/customers/5", "/rest/de/V1/customers/5",
            "/rest/V1/orders/7", "/rest/V1/orders", "/rest/V1/stockItems/sku-1");
    private static final List<String> METHODS = List.of(
            "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "PURGE", "PROPFIND");
    private static final List<String> FLAG_STATES = List.of(
            "false", "true", "50%", "shadow", "customer:5; header:X-Beta", "not-a-value");

    @TempDir
    static Path dir;
    static GatewayFixture fx;
    static TestHttp http;

    @BeforeAll
    static void start() {
        fx = GatewayFixture.start(dir, Map.of("FICUS_GATEWAY_LIMITS_MAX_BODY_SIZE", "8388608"), Map.of());
        http = fx.http;
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static void setAllFlags(String value) {
        for (Domain d : Domain.values()) {
            fx.flag(d.flag(), value);
        }
        for (Domain d : Domain.values()) {
            fx.awaitFlag(d, value);
        }
    }

    @Test
    void everyWriteOnEveryRoutedPathReachesMagentoInEveryFlagState() {
        AtomicInteger n = new AtomicInteger();
        for (String state : FLAG_STATES) {
            setAllFlags(state);
            for (String path : ROUTED) {
                for (String method : METHODS) {
                    boolean read = method.equals("GET") || method.equals("HEAD");
                    String body = read ? null : "{\"write\":" + n.incrementAndGet() + "}";
                    TestHttp.Response r = http.send(method, fx.url(path), body, "Authorization", ADMIN,
                            "Content-Type", "application/json");
                    assertThat(r.status()).as("%s %s with flags %s", method, path, state).isLessThan(500);
                    if (!read) {
                        assertThat(r.header("X-Ficus-Backend")).as("%s %s", method, path).isEqualTo("magento");
                        String upstreamPath = path.startsWith("/products") ? "/rest/V1" + path : path;
                        assertThat(fx.magento.requests()).as("Magento got %s %s %s", method, path, body)
                                .anyMatch(rec -> rec.method().equals(method) && rec.uri().equals(upstreamPath)
                                        && rec.body().equals(body));
                    }
                }
            }
        }
        for (FakeService s : fx.services.values()) {
            assertThat(s.reads()).extracting(Recorded::method).allMatch(m -> Set.of("GET", "HEAD").contains(m));
        }
    }

    @Test
    void readsGoToTheServiceWhenTheFlagIsOnAndToMagentoWhenOff() {
        setAllFlags("true");
        TestHttp.Response viaService = http.get(fx.url("/rest/V1/products/sku-9"), "Authorization", ADMIN);
        assertThat(viaService.status()).isEqualTo(200);
        assertThat(viaService.header("X-Ficus-Backend")).isEqualTo("catalog");
        assertThat(viaService.header("X-Service")).isEqualTo("1");
        assertThat(Json.read(viaService.body()).get("sku").asText()).isEqualTo("sku-9");

        TestHttp.Response head = http.send("HEAD", fx.url("/rest/V1/orders/3"), null, "Authorization", ADMIN);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("X-Ficus-Backend")).isEqualTo("order");
        assertThat(head.body()).isEmpty();

        TestHttp.Response shortForm = http.get(fx.url("/products/sku-9"), "Authorization", ADMIN);
        assertThat(shortForm.header("X-Ficus-Backend")).isEqualTo("catalog");
        assertThat(fx.service(Domain.CATALOG).reads()).anyMatch(r -> r.uri().equals("/rest/V1/products/sku-9"));

        // a partial answer (?fields=, Magento's FieldsFilter) is a read like any other: the service gets it, query intact
        for (String query : List.of("fields=sku,extension_attributes[stock_item[qty]]",
                "fields=items%5Bsku%2Cname%5D%2Ctotal_count&searchCriteria[pageSize]=2")) {
            String path = query.contains("items") ? "/rest/V1/products" : "/rest/V1/products/sku-9";
            TestHttp.Response partial = http.get(fx.url(path + "?" + query), "Authorization", ADMIN);
            assertThat(partial.header("X-Ficus-Backend")).as(query).isEqualTo("catalog");
            assertThat(fx.service(Domain.CATALOG).reads()).anyMatch(r -> r.uri().equals(path + "?" + query));
        }

        setAllFlags("false");
        TestHttp.Response viaMagento = http.get(fx.url("/rest/V1/products/sku-9"), "Authorization", ADMIN);
        assertThat(viaMagento.header("X-Ficus-Backend")).isEqualTo("magento");
        assertThat(viaMagento.header("X-Magento")).isEqualTo("1");
        assertThat(viaMagento.body()).isEqualTo(viaService.body());

        TestHttp.Response unrouted = http.get(fx.url("/rest/V1/carts/mine"), "Authorization", ADMIN);
        assertThat(unrouted.header("X-Ficus-Backend")).isEqualTo("magento");
    }

    @Test
    void hopByHopHeadersStayOnTheirHopAndForwardedHeadersAreSet() {
        setAllFlags("false");
        http.send("GET", fx.url("/rest/V1/cmsPage/1?x=1"), null,
                "Connection", "keep-alive, X-Drop-Me", "X-Drop-Me", "1", "Keep-Alive", "timeout=5",
                "TE", "trailers", "Proxy-Authorization", "Basic abc", "X-Keep-Me", "yes",
                "X-Ficus-Customer-Id", "999", "X-Forwarded-For", "6.6.6.6");
        Recorded rec = fx.magento.requestsTo("/rest/V1/cmsPage/1").get(0);
        assertThat(rec.uri()).isEqualTo("/rest/V1/cmsPage/1?x=1");
        assertThat(rec.headers().get("X-Keep-Me")).isEqualTo("yes");
        for (String gone : List.of("X-Drop-Me", "Keep-Alive", "TE", "Proxy-Authorization", "X-Ficus-Customer-Id")) {
            assertThat(rec.headers().contains(gone)).as(gone).isFalse();
        }
        // forwarded headers from an untrusted client are replaced, not appended to
        assertThat(rec.headers().get("X-Forwarded-For")).isEqualTo("127.0.0.1");
        assertThat(rec.headers().get("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(rec.headers().get("X-Forwarded-Host")).isEqualTo("127.0.0.1:" + fx.gateway.port());
    }

    @Test
    void bodiesStreamBothWays() {
        setAllFlags("false");
        String big = "y".repeat(5 * 1024 * 1024);
        TestHttp.Response r = http.send("POST", fx.url("/rest/V1/products"), big, "Content-Type", "text/plain");
        assertThat(r.status()).isEqualTo(200);
        assertThat(Json.read(r.body()).get("body_length").asInt()).isEqualTo(big.length());

        TestHttp.Response download = http.get(fx.url("/big?bytes=3000000"));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).hasSize(3_000_000);
    }

    @Test
    void limitsAnswerWithClearErrors() {
        int before = fx.magento.requests().size();
        TestHttp.Response headers = http.get(fx.url("/rest/V1/products/x"), "X-Huge", "h".repeat(20_000));
        assertThat(headers.status()).isEqualTo(431);
        assertThat(Json.read(headers.body()).get("message").asText()).isEqualTo("The request headers are too large.");

        TestHttp.Response line = http.get(fx.url("/rest/V1/products/" + "l".repeat(10_000)));
        assertThat(line.status()).isEqualTo(414);
        assertThat(Json.read(line.body()).get("message").asText()).isEqualTo("The request line is too long.");

        TestHttp.Response body = http.send("POST", fx.url("/rest/V1/orders"), "z".repeat(9 * 1024 * 1024));
        assertThat(body.status()).isEqualTo(413);
        assertThat(Json.read(body.body()).get("message").asText()).isEqualTo("The request body is too large.");

        TestHttp.Response chunked = http.sendChunked("PUT", fx.url("/rest/V1/products/x"), "c".repeat(9 * 1024 * 1024));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(fx.magento.requests().size()).isEqualTo(before);
    }

    @Test
    void theGatewaysOwnEndpointsAnswerOnTheManagementPort() {
        TestHttp.Response live = http.get(fx.managementUrl("/health/live"));
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.header("X-Ficus-Backend")).isEqualTo("gateway");
        TestHttp.Response ready = http.get(fx.managementUrl("/health/ready"));
        assertThat(ready.status()).isEqualTo(200);
        assertThat(Json.read(ready.body()).get("services").get("catalog").asText()).isEqualTo("UP");
        http.get(fx.url("/rest/V1/products/m1"), "Authorization", ADMIN);
        String metrics = http.get(fx.managementUrl("/metrics")).body();
        assertThat(metrics).contains("http_request_duration_seconds_bucket{")
                .contains("backend=\"magento\"").contains("ficus_gateway_flag_state{")
                .contains("ficus_gateway_service_healthy{");
    }
}
