package dev.ficus.gateway.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.Secret;
import dev.ficus.gateway.Gateway;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.admin.FlagAdminClient;
import dev.ficus.gateway.testing.FakeMagento;
import dev.ficus.gateway.testing.FakeService;
import dev.ficus.gateway.testing.TestHttp;
import dev.ficus.gateway.testing.WebhookReceiver;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The flags ConfigMap through the Kubernetes API (fabric8's mock API server in CRUD mode). */
class KubernetesFlagStoreIT {
    private static final String NAMESPACE = "shop";
    private static final String NAME = "ficus-feature-flags";
    private static final String[] ADMIN = {"Authorization", "Bearer " + FakeMagento.ADMIN};

    private KubernetesMockServer api;
    private KubernetesClient kube;
    private Vertx vertx;

    @BeforeEach
    void startApi() {
        api = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        api.init();
        kube = api.createClient();
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stopApi() {
        kube.close();
        api.destroy();
        vertx.close().await();
    }

    private ConfigMap configMap() {
        return kube.configMaps().inNamespace(NAMESPACE).withName(NAME).get();
    }

    private void setFlag(String key, String value) {
        kube.configMaps().inNamespace(NAMESPACE).withName(NAME).edit(cm -> {
            cm.getData().put(key, value);
            return cm;
        });
    }

    @Test
    void theWatchPicksUpChangesAndAutoDisablePatchesTheConfigMap() throws Exception {
        kube.configMaps().inNamespace(NAMESPACE).resource(new ConfigMapBuilder()
                .withNewMetadata().withName(NAME).withNamespace(NAMESPACE).endMetadata()
                .withData(new HashMap<>(Map.of("catalog_read", "false"))).build()).create();
        try (FakeMagento magento = new FakeMagento(vertx); FakeService catalog = new FakeService(vertx);
             WebhookReceiver webhook = new WebhookReceiver(vertx); TestHttp http = new TestHttp(vertx)) {
            String yaml = "magento:\n  base_url: " + magento.url() + "\ngateway:\n  host: 127.0.0.1\n  port: 0\n  management:\n    port: 0\n"
                    + "  services:\n    catalog: " + catalog.url() + "\n  flags:\n    store: kubernetes\n"
                    + "    kubernetes:\n      api_url: " + kube.getConfiguration().getMasterUrl() + "\n"
                    + "      namespace: " + NAMESPACE + "\n      configmap: " + NAME + "\n"
                    + "  health:\n    interval: 100ms\n    timeout: 1s\n  alert:\n    webhook_url: " + webhook.url() + "\n";
            LoadedConfig config = ConfigLoader.load(ConfigSource.fromYaml(yaml, Map.of("FICUS_GATEWAY_ADMIN_TOKEN", "t0k")),
                    List.of(GatewayConfig.SECTION, MagentoConfig.SECTION));
            try (Gateway gateway = Gateway.start(config.get(GatewayConfig.SECTION), config.get(MagentoConfig.SECTION))) {
                String url = "http://127.0.0.1:" + gateway.port() + "/rest/V1/products/k1";
                assertThat(http.get(url, ADMIN).header("X-Ficus-Backend")).isEqualTo("magento");

                setFlag("catalog_read", "true");
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                        .until(() -> "catalog".equals(http.get(url, ADMIN).header("X-Ficus-Backend")));

                catalog.failWith(502);
                for (int i = 0; i < 3; i++) {
                    assertThat(http.get(url, ADMIN).status()).isEqualTo(200);
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> "false".equals(configMap().getData().get("catalog_read")));
                List<FlagHistoryEntry> history = FlagHistory.parse(configMap().getData().get("catalog_read.history"));
                assertThat(history).singleElement().satisfies(h -> {
                    assertThat(h.action()).isEqualTo("auto-disable");
                    assertThat(h.errors()).allMatch(e -> e.contains("5xx"));
                });
                await().atMost(Duration.ofSeconds(5)).until(() -> webhook.posts().size() == 1);

                FlagAdminClient admin = new FlagAdminClient(URI.create("http://127.0.0.1:" + gateway.managementPort()), "/_ficus",
                        Secret.of("t0k"), Duration.ofSeconds(5));
                assertThat(admin.list().get(0).source()).isEqualTo("configmap shop/ficus-feature-flags");
                catalog.failWith(0);
                admin.enable("catalog_read", "25%", "canary again");
                assertThat(configMap().getData()).containsEntry("catalog_read", "25%");
                assertThat(FlagHistory.parse(configMap().getData().get("catalog_read.history")))
                        .extracting(FlagHistoryEntry::action).containsExactly("auto-disable", "enable");
            }
        }
    }
}
