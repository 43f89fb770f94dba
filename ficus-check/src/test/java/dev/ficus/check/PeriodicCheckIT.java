package dev.ficus.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.events.Domain;
import dev.ficus.services.testing.FullPath;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ficus check --every}: the loop against the whole path on real servers (CheckIT's), its gauges scraped from
 * {@code /metrics} as Prometheus would. A run that cannot reach a database is counted and the loop goes on.
 */
class PeriodicCheckIT {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{([^}]*)})? (\\S+)$");
    private static final Pattern DOMAIN = Pattern.compile("domain=\"(\\w+)\"");
    private static FullPath path;

    @BeforeAll
    static void start() throws Exception {
        path = CheckIT.synced(PeriodicCheckIT.class);
    }

    @AfterAll
    static void stop() {
        if (path != null) {
            path.close();
        }
    }

    @Test
    void twoRunsExportTheirFiguresAsGaugesAndTheSecondSeesTheRowChangedBehindTheServicesBack() throws Exception {
        List<Target> targets = Target.of(null);
        PeriodicCheck.Run run = () -> {
            try (Checker checker = Checker.connect(path.magento, path.platform, 2)) {
                return checker.check(new CheckOptions(targets, 0, Duration.ZERO, 2), Progress.NONE);
            }
        };
        try (PeriodicCheck periodic = PeriodicCheck.start(run, Duration.ofMillis(500), targets, "127.0.0.1", 0)) {
            await().atMost(Duration.ofMinutes(1)).until(() -> periodic.completedRuns() >= 1);
            String metrics = scrape(periodic.port(), "/metrics");

            for (String name : CheckMetrics.EXPORTED) {
                assertThat(metrics).as("/metrics").containsPattern("(?m)^" + name + "[{ ]");
            }
            assertThat(perDomain(metrics, "ficus_check_mismatches"))
                    .isEqualTo(Map.of("catalog", 0.0, "customer", 0.0, "order", 0.0, "inventory", 0.0));
            long products = path.magentoLong("SELECT COUNT(*) FROM catalog_product_entity");
            long stock = path.magentoLong("SELECT COUNT(DISTINCT product_id) FROM cataloginventory_stock_item");
            assertThat(perDomain(metrics, "ficus_check_entities_checked")).isEqualTo(Map.of(
                    "catalog", (double) products + stock,
                    "customer", (double) path.magentoLong("SELECT COUNT(*) FROM customer_entity"),
                    "order", (double) path.magentoLong("SELECT COUNT(*) FROM sales_order"),
                    "inventory", (double) stock));
            assertThat(perDomain(metrics, "ficus_check_lag_seconds").get("catalog")).isEqualTo(0.0);
            assertThat(single(metrics, "ficus_check_last_run_timestamp_seconds")).isPositive();
            assertThat(single(metrics, "ficus_check_run_failures_total")).isZero();
            assertThat(scrape(periodic.port(), "/health/live")).contains("UP");

            long id = path.magentoLong("SELECT MIN(entity_id) FROM catalog_product_entity WHERE type_id = 'simple'");
            platformSql("UPDATE products SET record = jsonb_set(record, '{attributes,name}', '\"Tampered\"'), "
                    + "updated_at = updated_at + interval '5 seconds' WHERE magento_id = " + id);
            long before = periodic.completedRuns();
            // the run under way may have read the row before the change: the one after it has not
            await().atMost(Duration.ofMinutes(1)).until(() -> periodic.completedRuns() >= before + 2);
            metrics = scrape(periodic.port(), "/metrics");

            assertThat(perDomain(metrics, "ficus_check_mismatches"))
                    .isEqualTo(Map.of("catalog", 1.0, "customer", 0.0, "order", 0.0, "inventory", 0.0));
            assertThat(perDomain(metrics, "ficus_check_lag_seconds").get("catalog")).isEqualTo(5.0);
            assertThat(single(metrics, "ficus_check_run_failures_total")).isZero();
        }
    }

    @Test
    void aRunThatCannotReachTheDatabaseIsCountedAndTheLoopGoesOn() throws Exception {
        List<Target> targets = Target.of(Domain.CATALOG);
        DatabaseEndpoint down = new DatabaseEndpoint("127.0.0.1", closedPort(), path.platform.user(),
                path.platform.password(), path.platform.database());
        PeriodicCheck.Run run = () -> {
            try (Checker checker = Checker.connect(path.magento, down, 1)) {
                return checker.check(new CheckOptions(targets, 10, Duration.ZERO, 1), Progress.NONE);
            }
        };
        try (PeriodicCheck periodic = PeriodicCheck.start(run, Duration.ofMillis(100), targets, "127.0.0.1", 0)) {
            await().atMost(Duration.ofMinutes(1)).until(() -> periodic.failedRuns() >= 2);
            String metrics = scrape(periodic.port(), "/metrics");

            assertThat(single(metrics, "ficus_check_run_failures_total")).isGreaterThanOrEqualTo(2.0);
            assertThat(perDomain(metrics, "ficus_check_mismatches")).containsEntry("catalog", Double.NaN);
            assertThat(single(metrics, "ficus_check_last_run_timestamp_seconds")).isNaN();
            assertThat(periodic.completedRuns()).isZero();
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + periodic.port() + "/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("last_error");
        }
    }

    private static String scrape(int port, String p) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + p))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(p).isEqualTo(200);
        return r.body();
    }

    /** The samples of one metric, by their {@code domain} label. */
    private static Map<String, Double> perDomain(String metrics, String name) {
        Map<String, Double> out = new TreeMap<>();
        for (String line : metrics.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && m.group(1).equals(name) && m.group(2) != null) {
                Matcher d = DOMAIN.matcher(m.group(2));
                if (d.find()) {
                    out.put(d.group(1), Double.parseDouble(m.group(3)));
                }
            }
        }
        return out;
    }

    private static double single(String metrics, String name) {
        for (String line : metrics.split("\n")) {
            Matcher m = SAMPLE.matcher(line);
            if (m.matches() && m.group(1).equals(name)) {
                return Double.parseDouble(m.group(3));
            }
        }
        throw new AssertionError(name + " not in /metrics:\n" + metrics);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void platformSql(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(path.platform.postgresJdbcUrl(), path.platform.user(),
                path.platform.password().reveal()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
