package dev.ficus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.ficus.core.config.ConfigException;
import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSection;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.events.Domain;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.flag.FlagRuleParser;
import dev.ficus.gateway.flag.InvalidFlagValueException;
import dev.ficus.gateway.flag.ManifestFlagStore;
import dev.ficus.sync.config.SyncConfig;
import dev.ficus.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /** Every section the ficus command knows, so no key of any component escapes the check. */
    private static final List<ConfigSection<?>> SECTIONS = Sections.all();

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

    /**
     * Issue 14: the sync and the read services bind 127.0.0.1 unless told otherwise; in Kubernetes the kubelet's
     * probes, Prometheus and (for the services) the gateway reach them on the pod's address, so ficus.yaml must say
     * 0.0.0.0 for each (the NetworkPolicies fence them).
     */
    @Test
    void everyProcessListensOnThePodsAddressInKubernetes() throws IOException {
        LoadedConfig config = load(ficusEnv());
        assertThat(config.get(SyncConfig.SECTION).httpHost()).as("sync.http.host").isEqualTo("0.0.0.0");
        assertThat(config.get(dev.ficus.services.ServicesConfig.SECTION).host()).as("services.http.host")
                .isEqualTo("0.0.0.0");
        assertThat(ConfigLoader.load(ConfigSource.fromEnv(Map.of()), List.of(SyncConfig.SECTION))
                .get(SyncConfig.SECTION).httpHost()).as("the sync's default").isEqualTo("127.0.0.1");
        assertThat(checkEveryOption("--metrics-host", "127.0.0.1")).as("ficus check --every --metrics-host")
                .hasValue("0.0.0.0");
    }

    /**
     * Issue 14: metrics, health and the admin API moved off the shop's port. The probes, the management Service and
     * the container's management port must all be {@code gateway.management.port}, reachable from the kubelet
     * (host 0.0.0.0), and the Service clients use must carry the shop's port and nothing else.
     */
    @Test
    void theGatewaysProbesAndManagementServiceAreOnTheManagementPortNeverOnTheShopsPort() throws IOException {
        GatewayConfig gateway = gatewayConfig();
        int shop = gateway.port();
        int management = gateway.management().port();
        assertThat(management).as("gateway.management.port in ficus.yaml").isPositive().isNotEqualTo(shop);
        assertThat(gateway.management().host()).as("gateway.management.host: the kubelet probes the pod's address")
                .isEqualTo("0.0.0.0");

        List<JsonNode> docs = documents(K8S.resolve("gateway.yaml"));
        JsonNode container = kind(docs, "Deployment").at("/spec/template/spec/containers/0");
        assertThat(namedPort(container, "management")).as("containerPort 'management'").isEqualTo(management);
        assertThat(namedPort(container, "http")).as("containerPort 'http'").isEqualTo(shop);
        for (String probe : List.of("livenessProbe", "readinessProbe")) {
            assertThat(portNumber(container, container.at("/" + probe + "/httpGet/port"))).as(probe)
                    .isEqualTo(management);
        }

        JsonNode clients = service(docs, "ficus-gateway");
        assertThat(clients.at("/spec/ports").size()).as("ficus-gateway exposes one port").isEqualTo(1);
        assertThat(clients.at("/spec/ports/0/port").asInt()).isEqualTo(shop);
        assertThat(portNumber(container, clients.at("/spec/ports/0/targetPort"))).isEqualTo(shop);

        JsonNode operators = service(docs, "ficus-gateway-management");
        assertThat(operators.at("/spec/type").asText("ClusterIP")).as("never a LoadBalancer or NodePort")
                .isEqualTo("ClusterIP");
        assertThat(operators.at("/spec/ports").size()).isEqualTo(1);
        assertThat(operators.at("/spec/ports/0/port").asInt()).isEqualTo(management);
        assertThat(portNumber(container, operators.at("/spec/ports/0/targetPort"))).isEqualTo(management);
        assertThat(operators.at("/spec/selector")).isEqualTo(clients.at("/spec/selector"));
    }

    /**
     * Prometheus scrapes /metrics where each process serves it (the port its probes use: the gateway's management
     * port, each service's and the sync's one port), and the NetworkPolicy on the gateway opens the shop's port to
     * everyone but the management port only to the sources it names.
     */
    @Test
    void scrapeAnnotationsNameThePortOfMetricsAndOnlyTheShopsPortIsOpenToEveryone() throws IOException {
        LoadedConfig config = load(ficusEnv());
        GatewayConfig gateway = config.get(GatewayConfig.SECTION);
        Map<String, Integer> metricsPorts = new TreeMap<>();
        metricsPorts.put("ficus-gateway", gateway.management().port());
        metricsPorts.put("ficus-sync", config.get(SyncConfig.SECTION).httpPort());
        metricsPorts.put("ficus-check", checkEveryOption("--metrics-port",
                String.valueOf(CheckCommand.DEFAULT_METRICS_PORT)).map(Integer::parseInt).orElseThrow());
        for (Domain d : Domain.values()) {
            metricsPorts.put("ficus-" + d.id(), d.devPort());
        }
        Set<String> seen = new TreeSet<>();
        for (JsonNode deployment : all("Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode annotations = deployment.at("/spec/template/metadata/annotations");
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertThat(annotations.path("prometheus.io/scrape").asText()).as(name).isEqualTo("true");
            assertThat(annotations.path("prometheus.io/path").asText()).as(name).isEqualTo("/metrics");
            int port = annotations.path("prometheus.io/port").asInt();
            assertThat(port).as(name + " prometheus.io/port").isEqualTo(metricsPorts.get(name))
                    .isEqualTo(portNumber(container, container.at("/readinessProbe/httpGet/port")));
            seen.add(name);
        }
        assertThat(seen).isEqualTo(metricsPorts.keySet());

        JsonNode policy = all("NetworkPolicy").stream()
                .filter(p -> "ficus-gateway".equals(p.at("/spec/podSelector/matchLabels/app.kubernetes.io~1name")
                        .asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no NetworkPolicy selects the gateway's pods"));
        JsonNode container = kind(documents(K8S.resolve("gateway.yaml")), "Deployment")
                .at("/spec/template/spec/containers/0");
        boolean shopOpen = false;
        for (JsonNode rule : policy.at("/spec/ingress")) {
            boolean fromAnywhere = rule.path("from").isEmpty();
            for (JsonNode port : rule.path("ports")) {
                int number = portNumber(container, port.get("port"));
                if (number == gateway.management().port()) {
                    assertThat(fromAnywhere).as("the management port is open to every source").isFalse();
                }
                if (number == gateway.port() && fromAnywhere) {
                    shopOpen = true;
                }
            }
            assertThat(rule.has("ports")).as("a rule without ports opens every port, the management port too")
                    .isTrue();
        }
        assertThat(shopOpen).as("the shop's port is open to every client").isTrue();
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

    @Test
    void theConsistencyCheckRunsEvery15MinutesAsTheOtherPodsRun() throws IOException {
        JsonNode cronJob = kind(documents(K8S.resolve("consistency-check.yaml")), "CronJob");
        assertThat(cronJob.at("/spec/schedule").asText()).isEqualTo("*/15 * * * *");
        assertThat(cronJob.at("/spec/concurrencyPolicy").asText()).isEqualTo("Forbid");
        JsonNode pod = cronJob.at("/spec/jobTemplate/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(container.at("/image").asText()).isEqualTo("ficus");
        assertThat(texts(container.get("command"))).containsExactly("ficus");
        assertThat(texts(container.get("args"))).containsExactly("check", "all", "--sample", "100");
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(mountPaths(container)).contains("/etc/ficus", "/tmp");
        assertThat(documents(K8S.resolve("kustomization.yaml")).get(0).get("images").findValuesAsText("name"))
                .as("the kustomization sets the image every pod uses").containsExactly("ficus");
    }

    /**
     * The periodic form: the same check as the CronJob's, every 15 minutes, in a Deployment that serves the gauges
     * the alert FicusConsistencyMismatches reads; it only reads, so it gets no Redis password.
     */
    @Test
    void thePeriodicCheckRunsTheCronJobsCheckEvery15MinutesAndServesItsGauges() throws IOException {
        JsonNode deployment = kind(documents(K8S.resolve("consistency-check-every.yaml")), "Deployment");
        assertThat(deployment.at("/metadata/name").asText()).isEqualTo("ficus-check");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = pod.at("/containers/0");
        assertThat(texts(container.get("command"))).containsExactly("ficus");
        JsonNode cronJob = kind(documents(K8S.resolve("consistency-check.yaml")), "CronJob");
        List<String> cronArgs = texts(cronJob.at("/spec/jobTemplate/spec/template/spec/containers/0/args"));
        assertThat(texts(container.get("args"))).as("the CronJob's check, every 15 minutes")
                .startsWith(cronArgs.toArray(String[]::new)).containsSequence("--every", "15m");
        CheckCommand parsed = (CheckCommand) Ficus.newCommandLine().parseArgs(texts(container.get("args"))
                .toArray(String[]::new)).subcommand().commandSpec().userObject();
        assertThat(parsed.every).isEqualTo(Duration.ofMinutes(15));
        assertThat(parsed.metricsHost).as("the kubelet and Prometheus reach the pod's address").isEqualTo("0.0.0.0");
        assertThat(namedPort(container, "http")).isEqualTo(
                Integer.parseInt(checkEveryOption("--metrics-port", "").orElseThrow()));
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(mountPaths(container)).contains("/etc/ficus", "/tmp");
        List<String> env = new ArrayList<>();
        container.path("env").forEach(v -> env.add(v.get("name").asText()));
        assertThat(env).contains("FICUS_MAGENTO_DATABASE_PASSWORD", "FICUS_PLATFORM_POSTGRES_PASSWORD")
                .doesNotContain("FICUS_PLATFORM_REDIS_PASSWORD");
        JsonNode policy = all("NetworkPolicy").stream()
                .filter(p -> p.at("/metadata/name").asText().equals("ficus-metrics-from-prometheus")).findFirst()
                .orElseThrow();
        assertThat(texts(policy.at("/spec/podSelector/matchExpressions/0/values")))
                .as("Prometheus may scrape the check").contains(
                        deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1component").asText());
    }

    /** An option's value in the periodic check's args, or {@code otherwise} when the args leave it at its default. */
    private static java.util.Optional<String> checkEveryOption(String option, String otherwise) throws IOException {
        List<String> args = texts(kind(documents(K8S.resolve("consistency-check-every.yaml")), "Deployment")
                .at("/spec/template/spec/containers/0/args"));
        int at = args.indexOf(option);
        return java.util.Optional.of(at >= 0 ? args.get(at + 1) : otherwise).filter(v -> !v.isEmpty());
    }

    private static List<String> mountPaths(JsonNode container) {
        List<String> out = new ArrayList<>();
        container.path("volumeMounts").forEach(m -> out.add(m.get("mountPath").asText()));
        return out;
    }

    /**
     * What {@code kubectl apply -k} would send: kustomize renders every file (the alert rules included) into the
     * namespace, with the image from {@code images:}, and keeps the management port on the management Service and
     * in the gateway's scrape annotation.
     */
    @Test
    void kustomizeRendersEveryObjectInTheNamespaceWithTheManagementPort() throws Exception {
        ExternalTool kubectl = ExternalTool.find("kubectl", "apt-get install kubernetes-client");
        assumeTrue(kubectl.present(), kubectl.missing());
        ExternalTool.Result rendered = kubectl.run(K8S, Duration.ofMinutes(1), "kustomize", ".");
        assertThat(rendered.exitCode()).as(rendered.output()).isZero();
        List<JsonNode> objects = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(rendered.output())) {
            it.forEachRemaining(objects::add);
        }

        Set<String> expected = new TreeSet<>();
        for (String file : texts(documents(K8S.resolve("kustomization.yaml")).get(0).get("resources"))) {
            documents(K8S.resolve(file)).forEach(d -> expected.add(d.path("kind").asText() + "/"
                    + d.at("/metadata/name").asText()));
        }
        Set<String> got = new TreeSet<>();
        objects.forEach(d -> got.add(d.path("kind").asText() + "/" + d.at("/metadata/name").asText()));
        assertThat(got).containsExactlyInAnyOrderElementsOf(expected).contains("PrometheusRule/ficus");
        for (JsonNode d : objects) {
            if (!d.path("kind").asText().equals("Namespace")) {
                assertThat(d.at("/metadata/namespace").asText()).as(d.path("kind").asText()).isEqualTo("ficus");
            }
        }

        String image = documents(K8S.resolve("kustomization.yaml")).get(0).at("/images/0/newName").asText();
        int management = gatewayConfig().management().port();
        JsonNode gateway = objects.stream().filter(d -> d.path("kind").asText().equals("Deployment")
                && d.at("/metadata/name").asText().equals("ficus-gateway")).findFirst().orElseThrow();
        assertThat(gateway.at("/spec/template/spec/containers/0/image").asText()).startsWith(image + ":");
        assertThat(gateway.at("/spec/template/metadata/annotations/prometheus.io~1port").asText())
                .isEqualTo(Integer.toString(management));
        assertThat(service(objects, "ficus-gateway-management").at("/spec/ports/0/port").asInt()).isEqualTo(management);
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
        for (JsonNode pod : podSpecs()) {
            for (JsonNode container : pod.at("/containers")) {
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

    /** The pod specs of every Deployment and CronJob. */
    private static List<JsonNode> podSpecs() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        all("Deployment").forEach(d -> out.add(d.at("/spec/template/spec")));
        all("CronJob").forEach(c -> out.add(c.at("/spec/jobTemplate/spec/template/spec")));
        return out;
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

    private static JsonNode service(List<JsonNode> docs, String name) {
        return docs.stream().filter(d -> "Service".equals(d.path("kind").asText())
                        && name.equals(d.at("/metadata/name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no Service " + name));
    }

    /** The containerPort of the container's port with this name. */
    private static int namedPort(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (name.equals(port.path("name").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("the container has no port named " + name);
    }

    /** A port as a probe, a Service's targetPort or a NetworkPolicy names it: a number, or a container port's name. */
    private static int portNumber(JsonNode container, JsonNode port) {
        assertThat(port).as("a port").isNotNull();
        assertThat(port.isMissingNode()).as("a port").isFalse();
        return port.isNumber() || port.asText().chars().allMatch(Character::isDigit)
                ? port.asInt() : namedPort(container, port.asText());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
            out.add(it.next().asText());
        }
        return out;
    }
}
