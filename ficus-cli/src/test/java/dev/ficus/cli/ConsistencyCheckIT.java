package dev.ficus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.cli.CommandLines.Result;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.json.Json;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.services.testing.FullPath;
import dev.ficus.services.testing.TestConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ficus check} on the command line, and the two consistency scripts (the plan's, unchanged, and ours) run
 * with bash against the test servers behind the whole path: the seeded small shop, the sync, the read services.
 * The scripts need the mariadb (or mysql) client, psql and bc on the machine; without them those tests are skipped
 * with a message.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsistencyCheckIT {
    private static final Path PLAN_SCRIPT = Path.of("src/test/resources/plan/check-data-consistency.sh");
    private static final Path OUR_SCRIPT = Path.of("../scripts/check-data-consistency.sh");
    private static FullPath path;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        path = FullPath.seed(ConsistencyCheckIT.class, FixtureProfile.SMALL);
        path.startSync();
        path.startServices(TestConfig.services().withReadyMaxLag(Duration.ofSeconds(30)));
        path.awaitReadModelsCaughtUp(Duration.ofMinutes(3), Duration.ofMillis(500));
    }

    @AfterAll
    static void stop() {
        if (path != null) {
            path.close();
        }
    }

    @Test
    @Order(1)
    void checkAllMatchesWithTheCountsAndExitsZero() throws Exception {
        Result r = CommandLines.run("check", "all", "--all", "--config", config().toString());

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("catalog/products", "customer/customers", "order/orders",
                "inventory/stock_items", "magento_id_map 'product'", "entities/s): all match");

        Result json = CommandLines.run("check", "catalog", "--sample", "50", "--json", "--config", config().toString());
        assertThat(json.status()).isZero();
        JsonNode report = Json.read(json.out());
        assertThat(report.path("passed").asBoolean()).isTrue();
        assertThat(report.path("targets").get(0).path("checked").asLong()).isEqualTo(50);
    }

    @Test
    @Order(2)
    void thePlansScriptRunsUnchangedAndReportsNoMismatch() throws Exception {
        requireClients("mysql", "psql", "bc");
        // the plan's script expands $MAGENTO_DB after mysql -h and $PLATFORM_DB after psql unquoted: the words of
        // each are the client's options; psql aligns its output unless told not to (-A), and a UUID padded with
        // a blank is not a UUID
        Map<String, String> env = passwords();
        env.put("MAGENTO_DB", path.magento.host() + " -P " + path.magento.port() + " -u " + path.magento.user() + " "
                + path.magento.database());
        env.put("PLATFORM_DB", "-A -h " + path.platform.host() + " -p " + path.platform.port() + " -U "
                + path.platform.user() + " " + path.platform.database());

        Run run = bash(PLAN_SCRIPT, env, "product", "100");

        assertThat(run.out()).as(run.out() + run.err()).contains("Validation complete. Mismatches: 0 / 100")
                .contains("All samples within 2s SLA");
    }

    @Test
    @Order(2)
    void ourScriptReportsNoMismatchWithThePlansArguments() throws Exception {
        requireClients("psql");
        requireOneOf("mariadb", "mysql");
        Run run = bash(OUR_SCRIPT, ourEnv(), "catalog", "100");

        assertThat(run.status()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Validation complete. Mismatches: 0 / 100", "All samples within 2s SLA");
    }

    @Test
    @Order(3)
    void aProductLaggingOnThePlatformFailsTheCheckAndOurScript() throws Exception {
        long id = path.magentoLong("SELECT MIN(entity_id) FROM catalog_product_entity");
        platformSql("UPDATE products SET updated_at = updated_at - interval '1 minute' WHERE magento_id = " + id);
        try {
            Result r = CommandLines.run("check", "catalog", "--all", "--lag-limit", "0s", "--config",
                    config().toString());
            assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.out()).contains("catalog/products product " + id + ": different, updated_at lag -60.0 s",
                    "column updated_at: Magento '", "MISMATCHES");

            requireClients("psql");
            requireOneOf("mariadb", "mysql");
            Run run = bash(OUR_SCRIPT, ourEnv(), "catalog", "100000");
            assertThat(run.status()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("⚠️ Product " + id + " lag: 60");
            assertThat(run.out()).containsPattern("Mismatches: 1 / \\d+");
        } finally {
            platformSql("UPDATE products SET updated_at = updated_at + interval '1 minute' WHERE magento_id = " + id);
        }
    }

    private static Map<String, String> ourEnv() {
        Map<String, String> env = passwords();
        env.put("MAGENTO_DB", path.magento.host());
        env.put("MAGENTO_DB_PORT", Integer.toString(path.magento.port()));
        env.put("MAGENTO_DB_USER", path.magento.user());
        env.put("MAGENTO_DB_NAME", path.magento.database());
        env.put("PLATFORM_DB", "postgresql://" + path.platform.user() + "@" + path.platform.host() + ":"
                + path.platform.port() + "/" + path.platform.database());
        return env;
    }

    /** Passwords go to the clients the way the scripts want them: in the environment, never on a command line. */
    private static Map<String, String> passwords() {
        Map<String, String> env = new LinkedHashMap<>();
        put(env, "MYSQL_PWD", path.magento);
        put(env, "PGPASSWORD", path.platform);
        return env;
    }

    @Test
    @Order(4)
    void checkEveryServesTheGaugesOfEachRunUntilStopped() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String file = config().toString();
        java.util.concurrent.atomic.AtomicReference<Result> result = new java.util.concurrent.atomic.AtomicReference<>();
        Thread command = new Thread(() -> result.set(CommandLines.run("check", "all", "--sample", "10", "--every",
                "1s", "--metrics-port", String.valueOf(port), "--config", file)));
        command.start();
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                    .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
            java.net.URI metrics = java.net.URI.create("http://127.0.0.1:" + port + "/metrics");
            String body = await().atMost(Duration.ofMinutes(1)).ignoreExceptions().until(() -> http.send(
                    java.net.http.HttpRequest.newBuilder(metrics).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body(),
                    b -> b.contains("ficus_check_last_run_timestamp_seconds{component=\"check\"} 1"));

            assertThat(body).contains("ficus_check_entities_checked{component=\"check\",domain=\"catalog\"} 20.0",
                    "ficus_check_entities_checked{component=\"check\",domain=\"customer\"} 10.0",
                    "ficus_check_run_failures_total{component=\"check\"} 0.0");
            assertThat(body).containsPattern("ficus_check_mismatches\\{component=\"check\",domain=\"order\"} \\d");
        } finally {
            command.interrupt();
            command.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(command.isAlive()).isFalse();
        assertThat(result.get().status()).as(result.get().err()).isZero();
        // stopped: the port is free again
        try (java.net.ServerSocket again = new java.net.ServerSocket(port, 1,
                java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    @Order(5)
    void checklistIsAllTicksOnASyncedStackWithTheFlagsOff() throws Exception {
        Path flags = Files.createDirectories(dir.resolve("flags"));
        for (dev.ficus.events.Domain d : dev.ficus.events.Domain.values()) {
            Files.writeString(flags.resolve(d.flag()), "false\n");
        }

        Result r = CommandLines.run("checklist", "--config", checklistConfig().toString());
        System.out.println("ficus checklist on a synced stack, flags off:\n" + r.out());

        assertThat(r.status()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Binlog and grants", "Id map counts", "Full extraction counts match",
                "Snapshot complete", "Every topic receiving events", "Every consumer group caught up",
                "Offsets store writable", "Flags all false before go-live", "Rollback tested", "Team trained",
                "Every item Ficus can check is ✓").doesNotContain("✗")
                // the counts of ficus check --counts: every entity type's id map, every read model
                .containsPattern("Id map counts\\s+✓\\s+[1-9]\\d* counts agree with Magento")
                .containsPattern("Full extraction counts match\\s+✓\\s+[1-9]\\d* counts agree with Magento");

        Result json = CommandLines.run("checklist", "--json", "--config", checklistConfig().toString());
        JsonNode report = Json.read(json.out());
        assertThat(report.path("passed").asBoolean()).isTrue();
        List<String> manual = new ArrayList<>();
        for (JsonNode item : report.path("items")) {
            assertThat(item.path("status").asText()).as(item.toString()).isIn("pass", "manual");
            if (item.path("status").asText().equals("manual")) {
                manual.add(item.path("item").asText());
            }
        }
        assertThat(manual).contains("Rollback tested", "Team trained");
    }

    @Test
    @Order(6)
    void aFlagOnBeforeGoLiveFailsTheChecklistWithTheCommandThatTurnsItOff() throws Exception {
        Path flag = dir.resolve("flags").resolve("catalog_read");
        Files.writeString(flag, "true\n");
        try {
            Result r = CommandLines.run("checklist", "--config", checklistConfig().toString());
            System.out.println("ficus checklist with catalog_read on:\n" + r.out());

            assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.out()).containsPattern("Flags all false before go-live\\s+✗\\s+catalog_read=true")
                    .contains("→ ficus flags disable catalog_read --reason", "1 item(s) ✗");
        } finally {
            Files.writeString(flag, "false\n");
        }
    }

    @Test
    @Order(7)
    void anIdMapRowMissingFailsTheIdMapCountWithTheRepairToRun() throws Exception {
        long id = path.magentoLong("SELECT MIN(entity_id) FROM customer_entity");
        String row = "entity_type = 'customer' AND magento_id = " + id;
        platformSql("CREATE TABLE checklist_saved AS SELECT * FROM magento_id_map WHERE " + row);
        platformSql("DELETE FROM magento_id_map WHERE " + row);
        try {
            Result r = CommandLines.run("checklist", "--config", checklistConfig().toString());

            assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
            assertThat(r.out()).containsPattern("Id map counts\\s+✗\\s+customer ids: Magento (\\d+), "
                            + "magento_id_map 'customer' \\d+")
                    .contains("→ let the sync catch up, then 'ficus check all --all --repair'", "1 item(s) ✗");
        } finally {
            platformSql("INSERT INTO magento_id_map SELECT * FROM checklist_saved");
            platformSql("DROP TABLE checklist_saved");
        }
    }

    /** The check's configuration plus where the sync keeps its offsets and the gateway its flags. */
    private static Path checklistConfig() throws IOException {
        Path file = dir.resolve("ficus-checklist.yaml");
        if (!Files.exists(file)) {
            Files.writeString(file, Files.readString(config())
                    + "sync:\n  offsets:\n    file: " + dir.resolve("sync").resolve("offsets.dat") + "\n"
                    + "gateway:\n  flags:\n    store: directory\n    path: " + dir.resolve("flags") + "\n");
            Files.createDirectories(dir.resolve("sync"));
        }
        return file;
    }

    private static void put(Map<String, String> env, String name, DatabaseEndpoint db) {
        String secret = db.password().reveal();
        if (secret != null && !secret.isEmpty()) {
            env.put(name, secret);
        }
    }

    private static Path config() throws IOException {
        Path file = dir.resolve("ficus.yaml");
        if (!Files.exists(file)) {
            Files.writeString(file, "magento:\n  database:\n"
                    + "    host: " + path.magento.host() + "\n    port: " + path.magento.port() + "\n"
                    + "    user: " + path.magento.user() + "\n    database: " + path.magento.database() + "\n"
                    + "platform:\n  postgres:\n"
                    + "    host: " + path.platform.host() + "\n    port: " + path.platform.port() + "\n"
                    + "    user: " + path.platform.user() + "\n    database: " + path.platform.database() + "\n"
                    + "  redis:\n    host: " + path.redis.host() + "\n    port: " + path.redis.port() + "\n");
        }
        return file;
    }

    private record Run(int status, String out, String err) {
    }

    private static Run bash(Path script, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", script.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("PG") || k.startsWith("MYSQL") || k.startsWith("MAGENTO"));
        pb.environment().putAll(env);
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("the script ends").isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void requireClients(String... names) {
        for (String name : names) {
            assumeThat(onPath(name)).as("'" + name + "' is not installed here: skipping the script test").isTrue();
        }
    }

    private static void requireOneOf(String... names) {
        assumeThat(List.of(names).stream().anyMatch(ConsistencyCheckIT::onPath))
                .as("none of " + List.of(names) + " is installed here: skipping the script test").isTrue();
    }

    private static boolean onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return true;
            }
        }
        return false;
    }

    private static void platformSql(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(path.platform.postgresJdbcUrl(), path.platform.user(),
                path.platform.password().reveal()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
