package dev.ficus.gateway.flag;

import dev.ficus.core.json.Json;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flags ConfigMap through the Kubernetes API: an informer (list + watch, reconnecting by itself) keeps the latest
 * copy, so a change reaches every replica within moments instead of the kubelet's minute-long volume refresh. Writes
 * are JSON merge patches that carry the resourceVersion they were computed from, so two replicas writing at once
 * cannot overwrite each other: the loser re-reads and re-applies its change.
 */
public final class KubernetesFlagStore implements FlagStore {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesFlagStore.class);
    private static final int ATTEMPTS = 5;
    private static final int STARTUP_WAIT_SECONDS = 5;

    private final KubernetesClient client;
    private final boolean ownsClient;
    private final String namespace;
    private final String name;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile SharedIndexInformer<ConfigMap> informer;

    public KubernetesFlagStore(KubernetesClient client, boolean ownsClient, String namespace, String name) {
        this.client = client;
        this.ownsClient = ownsClient;
        this.namespace = namespace == null || namespace.isBlank()
                ? (client.getNamespace() == null ? "default" : client.getNamespace()) : namespace;
        this.name = name;
    }

    /**
     * Starts the informer without waiting for it: an API server that cannot be reached at start must not stop the
     * gateway (it then serves everything from Magento, flags off, and picks the ConfigMap up once the API answers).
     */
    public KubernetesFlagStore start() {
        SharedIndexInformer<ConfigMap> inf = resource().runnableInformer(0);
        inf.exceptionHandler((started, t) -> {
            LOG.warn("watch on {} failed, retrying: {}", description(), t.toString());
            return true;
        });
        inf.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap cm) {
                changed();
            }

            @Override
            public void onUpdate(ConfigMap before, ConfigMap after) {
                changed();
            }

            @Override
            public void onDelete(ConfigMap cm, boolean finalStateUnknown) {
                changed();
            }
        });
        informer = inf;
        try {
            // normally the first list arrives in milliseconds; the first flag read then finds the ConfigMap
            inf.start().toCompletableFuture().get(STARTUP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            LOG.warn("{} is not readable yet, starting with every flag off: {}", description(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return this;
    }

    @Override
    public String description() {
        return "configmap " + namespace + "/" + name;
    }

    @Override
    public Map<String, String> read() throws IOException {
        SharedIndexInformer<ConfigMap> inf = informer;
        if (inf == null || !inf.hasSynced()) {
            throw new IOException("the watch on " + description() + " has not delivered the ConfigMap yet");
        }
        List<ConfigMap> items = inf.getStore().list();
        if (items.isEmpty()) {
            throw new IOException(description() + " does not exist");
        }
        return data(items.get(0));
    }

    @Override
    public Map<String, String> update(Function<Map<String, String>, Map<String, String>> change) throws IOException {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                ConfigMap current = resource().get();
                Map<String, String> writes = change.apply(current == null ? Map.of() : data(current));
                if (writes.isEmpty()) {
                    return writes;
                }
                if (current == null) {
                    client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
                            .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                            .withData(writes).build()).create();
                    return writes;
                }
                Map<String, Object> patch = new LinkedHashMap<>();
                patch.put("metadata", Map.of("resourceVersion", current.getMetadata().getResourceVersion()));
                patch.put("data", writes);
                resource().patch(PatchContext.of(PatchType.JSON_MERGE), Json.write(patch));
                return writes;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 409 && attempt < ATTEMPTS) {
                    LOG.debug("{} changed while writing (attempt {}), trying again", description(), attempt);
                    continue;
                }
                throw new IOException("cannot write " + description() + ": " + e.getMessage(), e);
            }
        }
        throw new IOException("cannot write " + description() + ": it kept changing");
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        SharedIndexInformer<ConfigMap> inf = informer;
        if (inf != null) {
            inf.stop();
        }
        if (ownsClient) {
            client.close();
        }
    }

    private Resource<ConfigMap> resource() {
        return client.configMaps().inNamespace(namespace).withName(name);
    }

    private void changed() {
        listeners.forEach(Runnable::run);
    }

    private static Map<String, String> data(ConfigMap cm) {
        Map<String, String> out = new TreeMap<>();
        if (cm.getData() != null) {
            cm.getData().forEach((k, v) -> out.put(k, v == null ? "" : v));
        }
        return out;
    }
}
