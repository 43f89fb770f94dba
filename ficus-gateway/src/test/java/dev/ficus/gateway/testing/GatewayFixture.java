package dev.ficus.gateway.testing;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.Secret;
import dev.ficus.events.Domain;
import dev.ficus.gateway.Gateway;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.admin.FlagAdminClient;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real gateway in front of a Magento stand-in and four service stand-ins, all on free ports, with flags in a
 * directory and a local webhook. Extra settings come as environment overrides ({@code FICUS_GATEWAY_…}), exactly as
 * a deployment would give them.
 */
public final class GatewayFixture implements AutoCloseable {
    public static final String ADMIN_TOKEN = "admin-secret-for-tests";

    public final Vertx vertx = Vertx.vertx();
    public final FakeMagento magento = new FakeMagento(vertx);
    public final Map<Domain, FakeService> services = new EnumMap<>(Domain.class);
    public final WebhookReceiver webhook = new WebhookReceiver(vertx);
    public final TestHttp http = new TestHttp(vertx);
    public final Path flagDir;
    public final GatewayConfig config;
    public final Gateway gateway;

    private GatewayFixture(Path dir, Map<String, String> env, Map<String, String> initialFlags) {
        for (Domain d : Domain.values()) {
            services.put(d, new FakeService(vertx));
        }
        flagDir = dir.resolve("flags");
        try {
            Files.createDirectories(flagDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        initialFlags.forEach(this::flag);
        StringBuilder yaml = new StringBuilder();
        yaml.append("magento:\n  base_url: ").append(magento.url()).append('\n');
        yaml.append("gateway:\n  host: 127.0.0.1\n  port: 0\n  management:\n    port: 0\n  instances: 2\n  services:\n");
        for (Domain d : Domain.values()) {
            yaml.append("    ").append(d.id()).append(": ").append(services.get(d).url()).append('\n');
        }
        yaml.append("  flags:\n    store: directory\n    path: ").append(flagDir).append('\n');
        yaml.append("    reload_interval: 100ms\n");
        yaml.append("  health:\n    interval: 100ms\n    timeout: 1s\n");
        yaml.append("  alert:\n    webhook_url: ").append(webhook.url()).append('\n');
        Map<String, String> allEnv = new HashMap<>(env);
        allEnv.putIfAbsent("FICUS_GATEWAY_ADMIN_TOKEN", ADMIN_TOKEN);
        LoadedConfig loaded = ConfigLoader.load(ConfigSource.fromYaml(yaml.toString(), allEnv),
                List.of(GatewayConfig.SECTION, MagentoConfig.SECTION));
        config = loaded.get(GatewayConfig.SECTION);
        gateway = Gateway.start(config, loaded.get(MagentoConfig.SECTION));
    }

    public static GatewayFixture start(Path dir, Map<String, String> env, Map<String, String> flags) {
        return new GatewayFixture(dir, env, flags);
    }

    public static GatewayFixture start(Path dir) {
        return start(dir, Map.of(), Map.of());
    }

    public String url(String pathAndQuery) {
        return "http://127.0.0.1:" + gateway.port() + pathAndQuery;
    }

    /** A URL on the management port (metrics, health, the admin API and page). */
    public String managementUrl(String pathAndQuery) {
        return "http://127.0.0.1:" + gateway.managementPort() + pathAndQuery;
    }

    public FakeService service(Domain d) {
        return services.get(d);
    }

    /** Writes a flag file the way an editor or kubectl would: a new file renamed over the old one. */
    public void flag(String name, String value) {
        try {
            Path tmp = Files.createTempFile(flagDir, ".edit", ".tmp");
            Files.writeString(tmp, value + "\n");
            Files.move(tmp, flagDir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String flagFile(String name) {
        try {
            Path p = flagDir.resolve(name);
            return Files.exists(p) ? Files.readString(p).strip() : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FlagAdminClient admin() {
        return new FlagAdminClient(java.net.URI.create("http://127.0.0.1:" + gateway.managementPort()),
                config.admin().pathPrefix(), Secret.of(ADMIN_TOKEN), java.time.Duration.ofSeconds(5));
    }

    /** Waits until the gateway has taken a flag value from the store. */
    public void awaitFlag(Domain d, String value) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(() ->
                admin().list().stream().anyMatch(f -> f.flag().equals(d.flag()) && value.equals(f.value())));
    }

    public String metrics() {
        return gateway.registry().scrape();
    }

    @Override
    public void close() {
        gateway.close();
        http.close();
        webhook.close();
        services.values().forEach(FakeService::close);
        magento.close();
        vertx.close().await();
    }
}
