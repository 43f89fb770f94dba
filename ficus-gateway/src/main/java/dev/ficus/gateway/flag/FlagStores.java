package dev.ficus.gateway.flag;

import dev.ficus.gateway.config.GatewayConfig;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.vertx5.Vertx5HttpClientFactory;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the configured flag store. */
public final class FlagStores {
    private static final Logger LOG = LoggerFactory.getLogger(FlagStores.class);

    private FlagStores() {
    }

    public static FlagStore open(GatewayConfig.Flags config, Vertx vertx) {
        return switch (config.store()) {
            case DIRECTORY -> {
                try {
                    // a fresh `ficus dev` has no flag directory yet: every flag is off until someone writes one
                    Files.createDirectories(config.path());
                } catch (IOException e) {
                    LOG.warn("cannot create flag directory {}: {}", config.path(), e.toString());
                }
                yield new DirectoryFlagStore(config.path());
            }
            case MANIFEST -> new ManifestFlagStore(config.path());
            case KUBERNETES -> new KubernetesFlagStore(kubernetesClient(config, vertx), true,
                    config.namespace(), config.configMap()).start();
        };
    }

    /** One Vert.x (the gateway's) for the Kubernetes client too: one event loop group, one Netty. */
    static KubernetesClient kubernetesClient(GatewayConfig.Flags config, Vertx vertx) {
        Config k8s;
        if (config.apiUrl().isBlank()) {
            k8s = Config.autoConfigure(null);
        } else {
            k8s = new ConfigBuilder(Config.empty()).withMasterUrl(config.apiUrl()).build();
        }
        if (!config.namespace().isBlank()) {
            k8s.setNamespace(config.namespace());
        }
        return new KubernetesClientBuilder().withConfig(k8s)
                .withHttpClientFactory(new Vertx5HttpClientFactory(vertx)).build();
    }
}
