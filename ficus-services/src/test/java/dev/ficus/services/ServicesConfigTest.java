package dev.ficus.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ficus.core.config.ConfigException;
import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.events.Domain;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServicesConfigTest {
    private static ServicesConfig load(String yaml, Map<String, String> env) {
        return ConfigLoader.load(ConfigSource.fromYaml(yaml, env), List.of(ServicesConfig.SECTION))
                .get(ServicesConfig.SECTION);
    }

    @Test
    void defaultsAreThoseOfFicusDev() {
        ServicesConfig c = load("", Map.of());
        assertThat(c.port(Domain.CATALOG)).isEqualTo(8005);
        assertThat(c.port(Domain.CUSTOMER)).isEqualTo(8006);
        assertThat(c.port(Domain.ORDER)).isEqualTo(8007);
        assertThat(c.port(Domain.INVENTORY)).isEqualTo(8008);
        assertThat(c.consumer().batchSize()).isEqualTo(500);
        assertThat(c.consumer().maxAttempts()).isEqualTo(5);
        assertThat(c.consumer().claimIdle()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.identityHeader()).isEqualTo("X-Ficus-Customer-Id");
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.http()).isEqualTo(new ServicesConfig.HttpLimits(16 * 1024, 32 * 1024));
    }

    @Test
    void requestLinesStayWithinWhatPostgresqlCanBind() {
        assertThatThrownBy(() -> load("services:\n  http:\n    max_initial_line: 65537\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("services.http.max_initial_line");
        assertThat(load("", Map.of("FICUS_SERVICES_HTTP_HOST", "0.0.0.0")).host()).isEqualTo("0.0.0.0");
    }

    @Test
    void fileAndEnvironmentOverride() {
        ServicesConfig c = load("""
                services:
                  catalog:
                    port: 0
                  consumer:
                    batch_size: 50
                    claim_idle: 2s
                """, Map.of("FICUS_SERVICES_CONSUMER_MAX_ATTEMPTS", "2", "FICUS_SERVICES_READY_MAX_LAG", "500ms"));
        assertThat(c.port(Domain.CATALOG)).isZero();
        assertThat(c.consumer().batchSize()).isEqualTo(50);
        assertThat(c.consumer().claimIdle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.consumer().maxAttempts()).isEqualTo(2);
        assertThat(c.readyMaxLag()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void badValuesAreReportedWithTheirKeys() {
        assertThatThrownBy(() -> load("""
                services:
                  consumer:
                    batch_size: 0
                  stores:
                    fr: three
                """, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("services.consumer.batch_size")
                .hasMessageContaining("services.stores.fr");
    }
}
