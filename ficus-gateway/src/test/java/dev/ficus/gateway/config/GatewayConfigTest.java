package dev.ficus.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ficus.core.config.ConfigException;
import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.events.Domain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayConfigTest {
    private static GatewayConfig load(String yaml, Map<String, String> env) {
        return ConfigLoader.load(ConfigSource.fromYaml(yaml, env), List.of(GatewayConfig.SECTION))
                .get(GatewayConfig.SECTION);
    }

    @Test
    void defaultsRunFicusDev() {
        GatewayConfig c = load("", Map.of());
        assertThat(c.port()).isEqualTo(8000);
        assertThat(c.serviceUrls()).containsEntry(Domain.CATALOG, "http://127.0.0.1:8005")
                .containsEntry(Domain.INVENTORY, "http://127.0.0.1:8008");
        assertThat(c.flags().store()).isEqualTo(GatewayConfig.FlagStoreKind.DIRECTORY);
        assertThat(c.flags().path()).isEqualTo(Path.of(".ficus", "flags"));
        assertThat(c.health().interval()).isEqualTo(Duration.ofMillis(500));
        assertThat(c.failureThreshold()).isEqualTo(3);
        assertThat(c.timeouts().service()).isLessThan(Duration.ofSeconds(1));
        assertThat(c.auth().anonymousCatalog()).isFalse();
        assertThat(c.admin().token().isEmpty()).isTrue();
        assertThat(c.backendHeaders()).isTrue();
        assertThat(c.fallback().confirmNotFound()).isTrue();
    }

    @Test
    void confirmingNotFoundWithMagentoCanBeTurnedOff() {
        assertThat(load("gateway:\n  fallback:\n    confirm_not_found: false\n", Map.of()).fallback()
                .confirmNotFound()).isFalse();
        assertThat(load("", Map.of("FICUS_GATEWAY_FALLBACK_CONFIRM_NOT_FOUND", "false")).fallback()
                .confirmNotFound()).isFalse();
    }

    @Test
    void environmentOverridesAndSecretsStayHidden() {
        GatewayConfig c = load("gateway:\n  flags:\n    store: kubernetes\n", Map.of(
                "FICUS_GATEWAY_PORT", "0", "FICUS_GATEWAY_ADMIN_TOKEN", "s3cret",
                "FICUS_GATEWAY_ROUTES_EXTRA", "/shop/p/* = catalog => /rest/V1/products"));
        assertThat(c.port()).isZero();
        assertThat(c.flags().store()).isEqualTo(GatewayConfig.FlagStoreKind.KUBERNETES);
        assertThat(c.admin().token().reveal()).isEqualTo("s3cret");
        assertThat(c.admin().token().toString()).doesNotContain("s3cret");
        assertThat(c.routes().extra()).hasSize(1);
    }

    @Test
    void badValuesAreReportedTogether() {
        assertThatThrownBy(() -> load("""
                gateway:
                  services:
                    catalog: localhost:8005
                  auth:
                    cache_ttl: 1h
                  flags:
                    reload_interval: 5s
                  routes:
                    extra: ["/x = shipping"]
                """, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gateway.services.catalog")
                .hasMessageContaining("gateway.auth.cache_ttl")
                .hasMessageContaining("gateway.flags.reload_interval")
                .hasMessageContaining("gateway.routes.extra");
    }

    @Test
    void theAdminPageIsAtAdminAndUnderThePrefixAndItsPathMustNotLieUnderThePrefix() {
        GatewayConfig.Admin admin = load("", Map.of()).admin();
        assertThat(admin.pagePath()).isEqualTo("/admin");
        assertThat(load("gateway:\n  admin:\n    page_path: ''\n", Map.of()).admin().pagePath()).isEmpty();
        assertThatThrownBy(() -> load("gateway:\n  admin:\n    page_path: /_ficus/page\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gateway.admin.page_path");
        assertThatThrownBy(() -> load("gateway:\n  admin:\n    page_path: ficus/\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gateway.admin.page_path");
    }

    @Test
    void aServiceUrlNeedsAHostAndNothingBeyondAPath() {
        assertThatThrownBy(() -> load("gateway:\n  services:\n    order: 'http:///rest'\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gateway.services.order")
                .hasMessageContaining("not a base URL with a host");
        assertThatThrownBy(() -> load("gateway:\n  services:\n    order: 'http://u@orders:9000'\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gateway.services.order");
        assertThatThrownBy(() -> load("gateway:\n  services:\n    order: 'http://orders:9000/?x=1'\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gateway.services.order");
        assertThat(load("gateway:\n  services:\n    order: http://orders.internal:9000/base/\n", Map.of())
                .serviceUrls()).containsEntry(Domain.ORDER, "http://orders.internal:9000/base");
    }

    @Test
    void theManagementPortDefaultsToLoopbackAndMustDifferFromTheShopsPort() {
        GatewayConfig c = load("", Map.of());
        assertThat(c.management().host()).isEqualTo("127.0.0.1");
        assertThat(c.management().port()).isEqualTo(8001);
        assertThatThrownBy(() -> load("gateway:\n  port: 9000\n  management:\n    port: 9000\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("gateway.management.port");
    }
}
