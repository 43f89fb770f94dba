package dev.ficus.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.sync.config.SyncConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyncConfigTest {
    private static SyncConfig load(String yaml, Map<String, String> env) {
        return ConfigLoader.load(ConfigSource.fromYaml(yaml, env), List.of(SyncConfig.SECTION)).get(SyncConfig.SECTION);
    }

    @Test
    void healthAndMetricsServeThisHostUnlessToldOtherwise() {
        assertThat(load("", Map.of()).httpHost()).isEqualTo("127.0.0.1");
        assertThat(load("sync:\n  http:\n    host: 0.0.0.0\n", Map.of()).httpHost()).isEqualTo("0.0.0.0");
        assertThat(load("", Map.of("FICUS_SYNC_HTTP_HOST", "10.0.0.5")).httpHost()).isEqualTo("10.0.0.5");
    }
}
