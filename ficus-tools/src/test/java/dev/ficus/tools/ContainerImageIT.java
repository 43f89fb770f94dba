package dev.ficus.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.magento.fixture.MagentoSeeder;
import dev.ficus.magento.fixture.SeedListener;
import dev.ficus.magento.rest.MagentoStandIn;
import dev.ficus.magento.rest.MagentoStandInConfig;
import dev.ficus.testing.ExternalTool;
import dev.ficus.testing.TestServers;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The production image as a platform team runs it: built by deploy/image/build.sh from the jars this build just
 * packaged, loaded into podman and run like the pods run it (user 10001, read-only root file system, the config
 * mounted at /etc/ficus) with {@code ficus gateway} in front of the Magento stand-in on the test MariaDB. Skipped
 * where umoci, podman or runc is missing, unless CI_REQUIRE_TOOLS=1 (CI) makes a missing tool a failure. podman
 * reads src/test/podman/containers.conf unless CONTAINERS_CONF names another file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerImageIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    // a tag of this run's own: builds in other checkouts on the machine load their images beside it
    private static final String TAG = "it-" + ProcessHandle.current().pid();
    private static final String IMAGE = "localhost/ficus:" + TAG;
    private static final String ADMIN_TOKEN = "container-image-it-token";
    private static final Duration START = Duration.ofMinutes(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String container = "ficus-image-it-" + ProcessHandle.current().pid();
    private MagentoStandIn magento;
    private DatabaseEndpoint shop;
    private int shopPort;
    private int managementPort;

    @BeforeAll
    void buildLoadAndStart() throws Exception {
        List<String> missing = Stream.of("podman", "runc", "umoci").filter(tool -> !onPath(tool)).toList();
        if (!missing.isEmpty()) {
            String why = "the container image test needs " + String.join(" and ", missing)
                    + " (apt-get install -y --no-install-recommends umoci podman runc)";
            if ("1".equals(System.getenv(ExternalTool.REQUIRE))) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        run(Duration.ofMinutes(10), ROOT.resolve("deploy/image/build.sh").toString(), "--no-maven");
        run(Duration.ofMinutes(3), "podman", "load", "-i", ROOT.resolve("target/ficus-image.oci.tar").toString());

        shop = TestServers.freshMariadbDatabase(getClass());
        MagentoSeeder.seed(shop, FixtureProfile.SMALL, 1, SeedListener.NONE);
        magento = MagentoStandIn.start(MagentoStandInConfig.defaults(0), shop);
        shopPort = freePort();
        managementPort = freePort();

        Path dir = Files.createDirectories(Path.of("target", "container-image-it").toAbsolutePath());
        Path config = dir.resolve("ficus.yaml");
        Files.writeString(config, """
                magento:
                  base_url: %s
                gateway:
                  port: %d
                  management:
                    port: %d
                  flags:
                    store: directory
                    path: /var/lib/ficus/flags
                """.formatted(magento.baseUrl(), shopPort, managementPort));
        Path flags = Files.createDirectories(dir.resolve("flags"));
        for (String flag : List.of("catalog_read", "customer_read", "order_read", "inventory_read")) {
            Files.writeString(flags.resolve(flag), "false");
        }
        // the pods' user must be able to read the config and write the flags (auto-disable, ficus flags)
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(flags, PosixFilePermissions.fromString("rwxrwxrwx"));

        run(Duration.ofMinutes(1), "podman", "rm", "-f", "--ignore", container);
        // host network: the stand-in and the test servers listen on the host's loopback, on free ports
        run(Duration.ofMinutes(1), "podman", "run", "-d", "--name", container, "--network", "host",
                "--read-only", "--user", "10001:10001",
                "-v", config + ":/etc/ficus/ficus.yaml:ro",
                "-v", flags + ":/var/lib/ficus/flags",
                "-e", "FICUS_CONFIG=/etc/ficus/ficus.yaml",
                "-e", "FICUS_GATEWAY_ADMIN_TOKEN=" + ADMIN_TOKEN,
                IMAGE, "gateway");
    }

    @AfterAll
    void stop() throws Exception {
        if (onPath("podman")) {
            run(Duration.ofMinutes(1), "podman", "rm", "-f", "--ignore", container);
            // or every run leaves 143 MB in podman's storage
            run(Duration.ofMinutes(1), "podman", "rmi", "--ignore", IMAGE);
        }
        if (magento != null) {
            magento.close();
        }
    }

    @Test
    void theGatewayInTheImageAnswersItsProbesAndServesTheShopFromMagento() throws Exception {
        HttpResponse<String> live = awaitAnswer(URI.create("http://127.0.0.1:" + managementPort + "/health/live"));
        assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
        HttpResponse<String> ready = get(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"), null);
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        HttpResponse<String> metrics = get(URI.create("http://127.0.0.1:" + managementPort + "/metrics"), null);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");

        String sku = firstSku();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + shopPort + "/rest/V1/integration/admin/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + MagentoStandInConfig.DEV_ADMIN_USER
                        + "\",\"password\":\"" + MagentoStandInConfig.DEV_ADMIN_PASSWORD + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String bearer = token.body().replace("\"", "");

        HttpResponse<String> product = get(URI.create("http://127.0.0.1:" + shopPort + "/rest/V1/products/" + sku),
                bearer);
        assertThat(product.statusCode()).as(product.body()).isEqualTo(200);
        assertThat(product.headers().firstValue("X-Ficus-Backend")).hasValue("magento");
        assertThat(product.body()).contains("\"sku\":\"" + sku + "\"");

        // the admin API in the pod, as an operator reaches it: kubectl exec deploy/ficus-gateway -- ficus flags list
        String flags = run(Duration.ofMinutes(1), "podman", "exec",
                "-e", "FICUS_CONFIG=/etc/ficus/ficus.yaml", "-e", "FICUS_GATEWAY_ADMIN_TOKEN=" + ADMIN_TOKEN,
                container, "ficus", "flags", "list", "--management", "http://127.0.0.1:" + managementPort);
        assertThat(flags).contains("catalog_read", "inventory_read");
    }

    @Test
    void theImageIsTheProductionDistributionRunAsUser10001() throws Exception {
        String config = run(Duration.ofMinutes(1), "podman", "image", "inspect",
                "--format", "{{.Config.User}} {{.Config.Entrypoint}}", IMAGE);
        assertThat(config.strip()).isEqualTo("10001:10001 [ficus]");

        String help = run(Duration.ofMinutes(1), "podman", "run", "--rm", "--read-only", IMAGE, "--help");
        assertThat(help).contains("gateway", "sync", "service", "preflight", "flags", "dlq", "config");
        for (String tool : List.of("dev", "magento", "seed", "bench")) {
            assertThat(help).doesNotContainPattern("(?m)^\\s+" + tool + "\\s");
        }
    }

    private String firstSku() throws Exception {
        try (Connection c = DriverManager.getConnection(shop.mariadbJdbcUrl(), shop.user(), shop.password().reveal());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT sku FROM catalog_product_entity WHERE type_id = 'simple' ORDER BY entity_id LIMIT 1")) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    /** Polls until the container's JVM has started and answers; the container's log is in the failure. */
    private HttpResponse<String> awaitAnswer(URI uri) throws Exception {
        Instant deadline = Instant.now().plus(START);
        while (true) {
            try {
                return get(uri, null);
            } catch (IOException notYet) {
                if (Instant.now().isAfter(deadline)) {
                    fail("the gateway in the container did not answer " + uri + " within " + START + "; its log:\n"
                            + run(Duration.ofMinutes(1), "podman", "logs", container));
                }
                Thread.sleep(250);
            }
        }
    }

    private HttpResponse<String> get(URI uri, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String run(Duration timeout, String... command) throws Exception {
        Path output = Files.createTempFile("container-image-it", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("FICUS_IMAGE_TAG", TAG);
            builder.environment().putIfAbsent("CONTAINERS_CONF",
                    Path.of("src/test/podman/containers.conf").toAbsolutePath().toString());
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " took longer than " + timeout + ":\n" + Files.readString(output));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                fail(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
