package dev.ficus.services.testing;

import dev.ficus.services.ServicesConfig;
import dev.ficus.services.ServicesConfig.ConsumerSettings;
import java.time.Duration;
import java.util.Map;

/** Service settings for tests: free ports, short waits so that retries and take-overs happen within seconds. */
public final class TestConfig {
    private TestConfig() {
    }

    public static ConsumerSettings consumer(String name) {
        return new ConsumerSettings(name, 100, Duration.ofMillis(100), Duration.ofMillis(1500),
                Duration.ofMillis(300), 3, Duration.ofMillis(50), Duration.ofMillis(400));
    }

    public static ServicesConfig services() {
        return new ServicesConfig("127.0.0.1", Map.of(), consumer(""), Duration.ofSeconds(5), 4,
                ServicesConfig.DEFAULT_IDENTITY_HEADER,
                ServicesConfig.DEFAULT_HTTP_LIMITS).withFreePorts();
    }
}
