package dev.ficus.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cli.CommandLines;
import dev.ficus.devstack.process.FreePort;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `ficus dev` as a user runs it, in a process of its own: everything starts on free ports, the table says where, a
 * read through the gateway is answered by Magento until its flag is turned on with `ficus flags enable`, then by the
 * catalog service with the same body; SIGTERM stops every part and leaves no server process behind. On the way, the
 * processes' /metrics are checked against what the Grafana dashboard and the alert rules in deploy/ query.
 */
class DevCommandIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void runsTheWholeSystemServesReadsAndStopsOnSigterm(@TempDir Path dir) throws Exception {
        Path config = writeConfig(dir);
        Process dev = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                "dev.ficus.cli.Ficus", "dev", "--config", config.toString())
                .redirectError(dir.resolve("dev.log").toFile()).start();
        try {
            String table = readUntil(dev, "Press Ctrl-C to stop.");
            assertThat(table).contains("Ficus dev stack is up")
                    .containsPattern("jdbc:mariadb://127\\.0\\.0\\.1:\\d+/magento")
                    .containsPattern("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/ficus")
                    .containsPattern("redis://127\\.0\\.0\\.1:\\d+")
                    .contains("Magento stand-in", "sync", "catalog service", "customer service", "order service",
                            "inventory service", "gateway");
            String gateway = url(table, "gateway \\(send clients here\\)");
            String token = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/integration/admin/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"admin123\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body().replace("\"", "");

            HttpResponse<String> viaMagento = get(gateway + "/products/product_dynamic_1", token);
            assertThat(viaMagento.statusCode()).isEqualTo(200);
            assertThat(viaMagento.headers().firstValue("X-Ficus-Backend")).hasValue("magento");

            // shadow first, as a rollout begins (docs/runbook-enable-domain.md): Magento answers, the service is compared
            CommandLines.Result shadow = CommandLines.run("flags", "enable", "catalog_read", "--value", "shadow",
                    "--reason", "dev IT", "--config", config.toString(), "--management", url(table, "gateway management"));
            assertThat(shadow.status()).as(shadow.err()).isZero();
            awaitShadowComparison(url(table, "gateway management"), gateway + "/products/product_dynamic_1", token);

            // the gateway counts every failed probe of a service that is on (a 503 while it applies the snapshot
            // included) and turns the flag off at the third: enable only once the catalog has caught up, as an
            // operator would (docs/runbook-enable-domain.md, step 0)
            awaitReady(url(table, "catalog service").replace("/rest/V1", "") + "/health/ready");

            CommandLines.Result enabled = CommandLines.run("flags", "enable", "catalog_read", "--reason",
                    "dev IT", "--config", config.toString(), "--management", url(table, "gateway management"));
            assertThat(enabled.status()).as(enabled.err()).isZero();

            // the catalog is eventually consistent: the product and its stock arrive as separate events
            HttpResponse<String> viaCatalog;
            try {
                viaCatalog = awaitAnswer(gateway + "/products/product_dynamic_1", token, "catalog", viaMagento.body());
            } catch (AssertionError notServed) {
                String catalog = url(table, "catalog service").replace("/rest/V1", "");
                HttpResponse<String> ready = get(catalog + "/health/ready", token);
                List<String> log = Files.readAllLines(dir.resolve("dev.log"));
                throw new AssertionError(notServed.getMessage() + "\ncatalog readiness: " + ready.statusCode() + " "
                        + ready.body() + "\nlast lines of ficus dev's log:\n"
                        + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())), notServed);
            }
            assertThat(viaCatalog.body()).isEqualTo(viaMagento.body());

            // a product the service does not have is asked of Magento again: a fallback, counted
            assertThat(get(gateway + "/products/no_such_sku", token).headers().firstValue("X-Ficus-Fallback"))
                    .hasValue("not-found");
            everyMetricTheDashboardAndTheAlertsQueryIsExported(table);
        } finally {
            List<ProcessHandle> servers = new ArrayList<>(dev.descendants().toList());
            dev.destroy();
            assertThat(dev.waitFor(60, TimeUnit.SECONDS)).as("ficus dev stops on SIGTERM").isTrue();
            for (ProcessHandle server : servers) {
                assertThat(server.isAlive()).as("server process %d left running", server.pid()).isFalse();
            }
        }
        assertThat(Files.readString(dir.resolve("dev.log"))).contains("stopped dev stack");
    }

    /**
     * {@code FICUS_DEVSTACK_WORK_DIR=<elsewhere> ficus dev --fresh} in a directory that holds another run's
     * {@code .ficus/}: the sync's offsets, the flags and the admin token go to the work directory, and nothing of the
     * current directory's {@code .ficus/} is touched.
     */
    @Test
    void freshWithAnotherWorkDirTouchesNothingOutsideIt(@TempDir Path dir) throws Exception {
        Path otherRun = Files.createDirectories(dir.resolve(".ficus").resolve("sync"));
        Files.writeString(otherRun.resolve("offsets.dat"), "another run's offsets");
        Files.writeString(otherRun.resolve("schema-history.dat"), "another run's history");
        Path config = Files.writeString(dir.resolve("ficus.yaml"), """
                magento:
                  database: { port: 0 }
                platform:
                  postgres: { port: 0 }
                  redis: { port: 0 }
                standin:
                  port: 0
                sync:
                  http: { port: 0 }
                services:
                  catalog: { port: 0 }
                  customer: { port: 0 }
                  order: { port: 0 }
                  inventory: { port: 0 }
                gateway:
                  port: 0
                  management: { port: 0 }
                """);
        Path workDir = dir.resolve("work");
        ProcessBuilder builder = devCommand(config, "--fresh", "--exit-after-start").directory(dir.toFile())
                .redirectError(dir.resolve("dev.log").toFile());
        builder.environment().put("FICUS_DEVSTACK_WORK_DIR", workDir.toString());
        Process dev = builder.start();
        String table = readUntil(dev, "Press Ctrl-C to stop.");
        assertThat(dev.waitFor(120, TimeUnit.SECONDS)).as("--exit-after-start ends ficus dev").isTrue();
        assertThat(dev.exitValue()).as(Files.readString(dir.resolve("dev.log"))).isZero();

        assertThat(table).contains("flags: directory " + workDir.resolve("flags"))
                .contains("admin token: " + workDir.resolve("admin-token"));
        assertThat(Files.readString(otherRun.resolve("offsets.dat"))).isEqualTo("another run's offsets");
        assertThat(Files.readString(otherRun.resolve("schema-history.dat"))).isEqualTo("another run's history");
        try (var entries = Files.list(dir.resolve(".ficus"))) {
            assertThat(entries).as("nothing new in the current directory's .ficus/").containsExactly(otherRun);
        }

        // offsets configured outside the work directory are not wiped: --fresh refuses instead
        Files.writeString(config, "devstack: { work_dir: " + workDir + " }\n" + Files.readString(config).replace(
                "  http: { port: 0 }\n",
                "  http: { port: 0 }\n  offsets: { file: " + otherRun.resolve("offsets.dat") + " }\n"));
        CommandLines.Result refused = CommandLines.run("dev", "--fresh", "--config", config.toString());
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("--fresh wipes", otherRun.resolve("offsets.dat").toString());
        assertThat(otherRun.resolve("offsets.dat")).exists();
    }

    /**
     * A kill -9 of ficus dev leaves its servers running on their fixed ports (13306, 15432, 16379 by default); the
     * next ficus dev stops them and comes up, as the issue's "A crash needs no hand" asks.
     */
    @Test
    void theStartAfterAKill9OfFicusDevStopsTheServersItLeftOnTheirFixedPorts(@TempDir Path dir) throws Exception {
        Path config = writeConfig(dir);
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < 3) {
            ports.add(FreePort.pick());
        }
        Iterator<Integer> port = ports.iterator();
        Files.writeString(config, Files.readString(config)
                .replace("database: { port: 0 }", "database: { port: " + port.next() + " }")
                .replace("postgres: { port: 0 }", "postgres: { port: " + port.next() + " }")
                .replace("redis: { port: 0 }", "redis: { port: " + port.next() + " }"));

        Process killed = devCommand(config).redirectError(dir.resolve("killed.log").toFile()).start();
        List<ProcessHandle> leftovers;
        try {
            readUntil(killed, "Press Ctrl-C to stop.", dir.resolve("killed.log"));
            leftovers = killed.descendants().filter(ProcessHandle::isAlive).toList();
        } finally {
            killed.destroyForcibly();
        }
        assertThat(killed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // MariaDB and Redis are its children; pg_ctl detaches the postmaster, whose fixed port shows it is gone
        assertThat(leftovers).as("the servers outlive a kill -9").isNotEmpty().allMatch(ProcessHandle::isAlive);

        Process again = devCommand(config).redirectError(dir.resolve("again.log").toFile()).start();
        try {
            String table = readUntil(again, "Press Ctrl-C to stop.", dir.resolve("again.log"));
            for (int fixed : ports) {
                assertThat(table).contains("127.0.0.1:" + fixed);
            }
            assertThat(leftovers).noneMatch(ProcessHandle::isAlive);
        } finally {
            again.destroy();
            assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
            leftovers.forEach(ProcessHandle::destroyForcibly);
        }
        assertThat(Files.readString(dir.resolve("again.log"))).contains("left running by an earlier run");
    }

    private static ProcessBuilder devCommand(Path config, String... options) {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-cp", System.getProperty("java.class.path"),
                "dev.ficus.cli.Ficus", "dev", "--config", config.toString()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command);
    }

    /**
     * deploy/grafana's dashboard and deploy/prometheus's rules query only names that the running processes export
     * (their /metrics, after the reads above: routed, shadowed and fallen back), and those of {@code ficus check
     * --every}.
     */
    private static void everyMetricTheDashboardAndTheAlertsQueryIsExported(String table) throws Exception {
        List<String> endpoints = new ArrayList<>(List.of(url(table, "gateway management") + "/metrics",
                url(table, "sync \\(binlog -> topics\\)")));
        for (String service : List.of("catalog", "customer", "order", "inventory")) {
            endpoints.add(url(table, service + " service").replace("/rest/V1", "") + "/metrics");
        }
        Set<String> exported = new TreeSet<>();
        for (String endpoint : endpoints) {
            // as Prometheus scrapes: HTTP/1.1 (the JDK client's h2c upgrade stalled on one service's answer)
            HttpResponse<String> scrape = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint))
                    .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).as(endpoint).isEqualTo(200);
            scrape.body().lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("[{ ]", 2)[0]).forEach(exported::add);
        }
        // the periodic check's, which ficus dev does not run (its own IT scrapes them)
        exported.addAll(DeployedQueries.EXPORTED_BY_CHECK_EVERY);
        Map<String, Set<String>> dashboard = DeployedQueries.dashboard();
        assertThat(dashboard).hasSizeGreaterThan(10);
        dashboard.forEach((panel, names) -> assertThat(exported).as("metrics of the dashboard panel '%s'", panel)
                .containsAll(names));
        DeployedQueries.rules().forEach((alert, names) ->
                assertThat(exported).as("metrics of the alert %s", alert).containsAll(names));
    }

    private static void awaitReady(String url) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        HttpResponse<String> last;
        do {
            last = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (last.statusCode() == 200) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError(url + " never ready; last: " + last.statusCode() + " " + last.body());
    }

    /** The shadow read runs beside Magento's answer; its comparison is counted once it is done. */
    private static void awaitShadowComparison(String management, String url, String token) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        do {
            assertThat(get(url, token).headers().firstValue("X-Ficus-Backend")).hasValue("magento");
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(management + "/metrics"))
                    .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (metrics.contains("ficus_gateway_shadow_comparisons_total{")) {
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no shadow comparison counted");
    }

    private static Path writeConfig(Path dir) throws Exception {
        return Files.writeString(dir.resolve("ficus.yaml"), """
                devstack:
                  work_dir: %1$s/work
                magento:
                  database: { port: 0 }
                platform:
                  postgres: { port: 0 }
                  redis: { port: 0 }
                standin:
                  port: 0
                sync:
                  http: { port: 0 }
                  offsets: { file: %1$s/work/sync/offsets.dat, history_file: %1$s/work/sync/history.dat }
                services:
                  catalog: { port: 0 }
                  customer: { port: 0 }
                  order: { port: 0 }
                  inventory: { port: 0 }
                gateway:
                  port: 0
                  management: { port: 0 }
                  flags: { path: %1$s/flags }
                """.formatted(dir));
    }

    /** As {@link #readUntil(Process, String)}; a failure shows what the child logged to {@code log}. */
    private static String readUntil(Process process, String last, Path log) throws Exception {
        try {
            return readUntil(process, last);
        } catch (AssertionError notUp) {
            process.waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError(notUp.getMessage() + "\nand logged:\n" + Files.readString(log), notUp);
        }
    }

    /** Reads the child's stdout up to the line that ends the start table (the child logs to a file). */
    private static String readUntil(Process process, String last) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            if (line.contains(last)) {
                return seen.toString();
            }
        }
        throw new AssertionError("ficus dev ended before it was up; it printed:\n" + seen);
    }

    private static String url(String table, String row) {
        Matcher m = Pattern.compile(row + "\\s+(http://\\S+)").matcher(table);
        assertThat(m.find()).as("row '%s' in\n%s", row, table).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The flag change reaches the gateway through its store; the catalog answers once it has applied the snapshot. */
    private static HttpResponse<String> awaitAnswer(String url, String token, String backend, String body)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        HttpResponse<String> last;
        do {
            last = get(url, token);
            if (last.statusCode() == 200 && last.headers().firstValue("X-Ficus-Backend").orElse("").equals(backend)
                    && last.body().equals(body)) {
                return last;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("never answered by " + backend + "; last: " + last.statusCode() + " "
                + last.headers().map() + " " + last.body());
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
