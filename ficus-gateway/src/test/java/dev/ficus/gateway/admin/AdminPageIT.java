package dev.ficus.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.gateway.flag.FlagHistoryEntry;
import dev.ficus.gateway.shadow.ShadowDifference;
import dev.ficus.gateway.testing.GatewayFixture;
import dev.ficus.gateway.testing.TestHttp;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admin page is served by the gateway itself, from the class path, and reads the admin API it names. */
class AdminPageIT {
    private static final String[] TOKEN = {"Authorization", "Bearer " + GatewayFixture.ADMIN_TOKEN};

    @TempDir
    Path dir;

    @Test
    void thePageIsServedOnTheManagementPortAtAdminAndUnderThePrefixWithoutAToken() {
        try (GatewayFixture fx = GatewayFixture.start(dir)) {
            for (String path : List.of("/admin", "/_ficus/admin")) {
                TestHttp.Response page = fx.http.get(fx.managementUrl(path));
                assertThat(page.status()).as(path).isEqualTo(200);
                assertThat(page.header("Content-Type")).as(path).isEqualTo("text/html; charset=utf-8");
                assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'")
                        .contains("connect-src 'self'").doesNotContain("unsafe-inline");
                assertThat(page.header("Cache-Control")).isEqualTo("no-store");
                assertThat(page.body()).contains("<meta name=\"ficus-api\" content=\"/_ficus/api\">")
                        .contains("src=\"/_ficus/admin/app.js\"").contains("href=\"/_ficus/admin/app.css\"")
                        .contains("type=\"password\"").doesNotContain("http://").doesNotContain("https://");
            }
            assertThat(fx.magento.requestsTo("/admin")).isEmpty();

            TestHttp.Response script = fx.http.get(fx.managementUrl("/_ficus/admin/app.js"));
            assertThat(script.status()).isEqualTo(200);
            assertThat(script.header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
            assertThat(script.body())
                    .contains("'/flags'", "'/shadow'", "'/flags/' + encodeURIComponent(flag) + '/' + action",
                            "'enable'", "'disable'", "sessionStorage", "'Authorization': 'Bearer '")
                    .doesNotContain("innerHTML", "localStorage", "http://", "https://");
            TestHttp.Response charts = fx.http.get(fx.managementUrl("/_ficus/admin/charts.js"));
            assertThat(charts.status()).isEqualTo(200);
            assertThat(charts.header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
            assertThat(charts.header("Content-Security-Policy")).contains("script-src 'self'");
            assertThat(charts.body()).contains("'/traffic'", "'Authorization': 'Bearer '", "sessionStorage",
                    "createElementNS").doesNotContain("innerHTML", "localStorage", "https://");
            assertThat(fx.http.get(fx.managementUrl("/_ficus/admin")).body())
                    .contains("src=\"/_ficus/admin/charts.js\"", "id=\"charts\"");
            TestHttp.Response style = fx.http.get(fx.managementUrl("/_ficus/admin/app.css"));
            assertThat(style.status()).isEqualTo(200);
            assertThat(style.header("Content-Type")).isEqualTo("text/css; charset=utf-8");
        }
    }

    @Test
    void everyFieldThePageReadsIsInTheAdminApiAnswers() throws Exception {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of(), Map.of("catalog_read", "true"))) {
            fx.awaitFlag(dev.ficus.events.Domain.CATALOG, "true");
            fx.admin().disable("catalog_read", "admin page test");
            String script = fx.http.get(fx.managementUrl("/_ficus/admin/app.js")).body();

            JsonNode flags = Json.read(fx.http.get(fx.managementUrl("/_ficus/api/flags"), TOKEN).body()).get("flags");
            JsonNode catalog = flags.get(0);
            assertThat(catalog.get("flag").asText()).isEqualTo("catalog_read");
            for (String field : List.of("flag", "value", "rule", "state", "source", "offLocally", "service", "history")) {
                assertThat(catalog.has(field)).as("flags[].%s", field).isTrue();
                assertThat(script).contains("." + field);
            }
            for (String field : List.of("url", "healthy", "consecutiveFailures", "lastErrors")) {
                assertThat(catalog.get("service").has(field)).as("service.%s", field).isTrue();
                assertThat(script).contains("svc." + field);
            }
            assertThat(components(ServiceView.class)).contains("lastProbeError");
            JsonNode entry = catalog.get("history").get(0);
            for (String field : List.of("at", "action", "from", "to", "by", "reason", "errors")) {
                assertThat(entry.has(field)).as("history[].%s", field).isTrue();
                assertThat(script).contains("h." + field);
            }
            assertThat(components(FlagHistoryEntry.class)).contains("at", "action", "from", "to", "by", "reason");

            JsonNode traffic = Json.read(fx.http.get(fx.managementUrl("/_ficus/api/traffic"), TOKEN).body());
            String charts = fx.http.get(fx.managementUrl("/_ficus/admin/charts.js")).body();
            assertThat(traffic.get("interval_ms").asLong()).isEqualTo(fx.config.admin().chartInterval().toMillis());
            assertThat(traffic.get("domains").has("catalog")).isTrue();
            assertThat(charts).contains("data.interval_ms", "data.domains", "p.at", "'routedShare'", "'p99Seconds'",
                    "'fallbacks'", "'lagSeconds'");
            assertThat(components(TrafficHistory.Point.class)).contains("at", "routedShare", "p99Seconds",
                    "fallbacks", "lagSeconds");
            assertThat(fx.http.get(fx.managementUrl("/_ficus/api/traffic")).status()).as("without the token")
                    .isEqualTo(401);

            JsonNode shadow = Json.read(fx.http.get(fx.managementUrl("/_ficus/api/shadow"), TOKEN).body());
            assertThat(shadow.has("counts")).isTrue();
            assertThat(shadow.has("latest_differences")).isTrue();
            assertThat(script).contains("s.counts", "s.latest_differences");
            assertThat(shadow.get("counts").get("catalog").has("difference")).isTrue();
            for (String field : components(ShadowDifference.class)) {
                assertThat(script).as("ShadowDifference.%s", field).contains("d." + field);
            }
        }
    }

    @Test
    void anEmptyPagePathKeepsThePageUnderThePrefixOnly() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of("FICUS_GATEWAY_ADMIN_PAGE_PATH", ""), Map.of())) {
            assertThat(fx.http.get(fx.managementUrl("/admin")).status()).isEqualTo(404);
            assertThat(fx.http.get(fx.managementUrl("/_ficus/admin")).status()).isEqualTo(200);
        }
    }

    /** Issue 14: the shop's port served the admin page, the admin API, /metrics and /health/* to anyone. */
    @Test
    void theShopsPortServesMagentosPathsOnlyAndNeverTheGatewaysOwn() {
        try (GatewayFixture fx = GatewayFixture.start(dir)) {
            for (String path : List.of("/admin", "/_ficus/admin", "/_ficus/api/flags", "/metrics", "/health/live",
                    "/health/ready")) {
                TestHttp.Response r = fx.http.get(fx.url(path), TOKEN);
                assertThat(r.header("X-Ficus-Backend")).as(path).isEqualTo("magento");
                assertThat(fx.magento.requestsTo(path)).as(path).hasSize(1);
            }
        }
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
