package dev.ficus.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.json.Json;
import dev.ficus.gateway.testing.GatewayFixture;
import dev.ficus.gateway.testing.TestHttp;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a client gets when Magento itself fails: the gateway says so, in Magento's error shape. */
class MagentoErrorsIT {
    @TempDir
    Path dir;

    @Test
    void aSilentMagentoGives504AndAnUnreachableOne502() {
        try (GatewayFixture fx = GatewayFixture.start(dir, Map.of("FICUS_GATEWAY_TIMEOUTS_MAGENTO", "300ms"), Map.of())) {
            TestHttp.Response slow = fx.http.get(fx.url("/slow/page"));
            assertThat(slow.status()).isEqualTo(504);
            assertThat(Json.read(slow.body()).get("message").asText()).isEqualTo("Magento did not answer in time.");

            fx.magento.close();
            TestHttp.Response down = fx.http.send("POST", fx.url("/rest/V1/orders"), "{}");
            assertThat(down.status()).isEqualTo(502);
            assertThat(Json.read(down.body()).get("message").asText()).isEqualTo("Magento cannot be reached.");
        }
    }
}
