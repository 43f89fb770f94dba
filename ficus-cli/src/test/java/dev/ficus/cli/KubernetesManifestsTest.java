package dev.ficus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ficus.core.config.ConfigException;
import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSection;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.gateway.Domain;
import dev.ficus.gateway.GatewayConfig;
import dev.ficus.gateway.flag.FlagRuleParser;
import dev.ficus.gateway.flag.InvalidFlagValueException;
import dev.ficus.gateway.flag.ManifestFlagStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps deploy/k8s in step with the code: the flags ConfigMap must be readable by the gateway's own manifest store
 * and hold valid values, the Ficus config file and every FICUS_ variable must load without an unknown key, and the
 * names the manifests share (ConfigMap, service account, ports, probe paths) must agree with each other and with
 * the gateway's configuration.
 */
class KubernetesManifestsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path K8S = Path.of(System.getProperty("basedir", ".")).resolve("../deploy/k8s").normalize();

    /** Sections whose code is on this module's class path; the rest of ficus.yaml is checked where its code lives. */
    /** Every section the ficus command knows, so no key of any component escapes the check. */
    private static final List<ConfigSection<?>> SECTIONS = Sections.ALL;

    @Test
    void theFlagsConfigMapIsReadByTheManifestStoreAndEveryValueIsValid() throws Exception {
        Path file = K8S.resolve("flags/feature-flags.yaml");
        Map<String, String> data = new ManifestFlagStore(file).read();

        assertThat(data.keySet()).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Domain.values()).map(Domain::flag).toList());
        data.forEach((flag, value) -> {
            try {
                FlagRuleParser.parse(value);
            } catch (InvalidFlagValueException e) {
                fail(file + ": " + flag + " = '" + value + "' is not a flag value: " + e.getMessage());
            }
        });
        String name = documents(file).get(0).at("/metadata/name").asText();
        GatewayConfig defaults = ConfigLoader.load(ConfigSource.fromEnv(Map.of()), List.of(GatewayConfig.SECTION))
                .get(GatewayConfig.SECTION);
        assertThat(name).isEqualTo(defaults.flags().configMap()).isEqualTo(gatewayConfig().flags().configMap());
    }

    @Test
    void theConfigFileAndEveryFicusVariableInTheManifestsAreKnownKeys() throws IOException {
        JsonNode ficusYaml = YAML.readTree(ficusYamlText());
        Set<String> top = new TreeSet<>();
        ficusYaml.fieldNames().forEachRemaining(top::add);
        Set<String> here = new TreeSet<>();
        SECTIONS.forEach(s -> here.add(s.name()));
        assertThat(top).as("top-level sections of ficus.yaml").isSubsetOf(here);

        Map<String, String> env = ficusEnv();
        assertThat(env).as("FICUS_ variables in the manifests").isNotEmpty();
        try {
            load(env);
        } catch (ConfigException e) {
            fail("deploy/k8s does not load as Ficus configuration:\n" + e.getMessage());
        }
    }

    @Test
    void theGatewayConfigMatchesTheServicesPortsAndRbacInTheManifests() throws IOException {
        GatewayConfig gateway = gatewayConfig();
        assertThat(gateway.flags().store()).isEqualTo(GatewayConfig.FlagStoreKind.KUBERNETES);
        assertThat(load(ficusEnv()).get(GatewayConfig.SECTION).admin().token().isEmpty())
                .as("the admin token comes from the Secret").isFalse();

        JsonNode gatewayDeployment = kind(documents(K8S.resolve("gateway.yaml")), "Deployment");
        assertThat(containerPort(gatewayDeployment)).isEqualTo(gateway.port());
        assertThat(servicePort(K8S.resolve("gateway.yaml"))).isEqualTo(gateway.port());
        for (Domain d : Domain.values()) {
            Path file = K8S.resolve("service-" + d.id() + ".yaml");
            JsonNode deployment = kind(documents(file), "Deployment");
            String serviceName = kind(documents(file), "Service").at("/metadata/name").asText();
            assertThat(gateway.serviceUrls().get(d)).as(d.id() + " URL in ficus.yaml")
                    .isEqualTo("http://" + serviceName + ":" + servicePort(file));
            assertThat(containerPort(deployment)).as(d.id() + " port").isEqualTo(d.devPort());
            assertThat(deployment.at("/spec/template/spec/containers/0/args").toString())
                    .isEqualTo("[\"service\",\"" + d.id() + "\"]");
        }

        List<JsonNode> rbac = documents(K8S.resolve("gateway.yaml"));
        JsonNode rule = kind(rbac, "Role").at("/rules/0");
        assertThat(texts(rule.get("resourceNames"))).containsExactly(gateway.flags().configMap());
        assertThat(texts(rule.get("verbs"))).containsExactlyInAnyOrder("get", "list", "watch", "patch");
        String account = gatewayDeployment.at("/spec/template/spec/serviceAccountName").asText();
        assertThat(kind(rbac, "ServiceAccount").at("/metadata/name").asText()).isEqualTo(account);
        assertThat(kind(rbac, "RoleBinding").at("/subjects/0/name").asText()).isEqualTo(account);
        assertThat(kind(rbac, "RoleBinding").at("/roleRef/name").asText())
                .isEqualTo(kind(rbac, "Role").at("/metadata/name").asText());
    }

    @Test
    void everyDeploymentProbesLiveAndReadyAndTheKustomizationListsEveryFile() throws IOException {
        List<String> resources = texts(documents(K8S.resolve("kustomization.yaml")).get(0).get("resources"));
        List<String> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(K8S)) {
            list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml")).forEach(files::add);
        }
        assertThat(resources).containsExactlyInAnyOrderElementsOf(files);
        assertThat(resources).doesNotContain("flags/feature-flags.yaml", "flags");

        for (JsonNode deployment : all("Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(name).isEqualTo("/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(name).isEqualTo("/health/ready");
            assertThat(container.at("/image").asText()).as(name + " image (set by kustomization images)")
                    .isEqualTo("ficus");
        }
    }

    private static LoadedConfig load(Map<String, String> env) throws IOException {
        return ConfigLoader.load(ConfigSource.fromYaml(ficusYamlText(), env), SECTIONS);
    }

    private static GatewayConfig gatewayConfig() throws IOException {
        return load(ficusEnv()).get(GatewayConfig.SECTION);
    }

    private static String ficusYamlText() throws IOException {
        return kind(documents(K8S.resolve("ficus-config.yaml")), "ConfigMap").at("/data/ficus.yaml").asText();
    }

    /** Every FICUS_ variable set in any container, with a stand-in value (secrets are not in the manifests). */
    private static Map<String, String> ficusEnv() throws IOException {
        Map<String, String> env = new TreeMap<>();
        for (JsonNode deployment : all("Deployment")) {
            for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
                for (JsonNode var : container.path("env")) {
                    String name = var.get("name").asText();
                    if (name.startsWith(ConfigSource.ENV_PREFIX)) {
                        env.put(name, var.has("value") ? var.get("value").asText() : "from-secret");
                    }
                }
            }
        }
        return env;
    }

    private static List<JsonNode> all(String kind) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (Stream<Path> list = Files.list(K8S)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                documents(p).stream().filter(d -> kind.equals(d.path("kind").asText())).forEach(out::add);
            }
        }
        return out;
    }

    private static List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(Files.readString(file))) {
            while (it.hasNext()) {
                JsonNode d = it.next();
                if (d != null && !d.isNull() && !d.isEmpty()) {
                    docs.add(d);
                }
            }
        }
        return docs;
    }

    private static JsonNode kind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " among " + docs.size() + " documents"));
    }

    private static int containerPort(JsonNode deployment) {
        return deployment.at("/spec/template/spec/containers/0/ports/0/containerPort").asInt();
    }

    private static int servicePort(Path file) throws IOException {
        return kind(documents(file), "Service").at("/spec/ports/0/port").asInt();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            out.add(it.next().asText());
        }
        return out;
    }
}
