package dev.ficus.services.testing;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.core.json.Json;
import dev.ficus.testing.TestServers;
import dev.ficus.events.Domain;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.magento.fixture.MagentoSeeder;
import dev.ficus.magento.fixture.SeedListener;
import dev.ficus.magento.rest.MagentoStandIn;
import dev.ficus.magento.rest.MagentoStandInConfig;
import dev.ficus.magento.schema.MagentoSchema;
import dev.ficus.services.ReadServices;
import dev.ficus.services.ServicesConfig;
import dev.ficus.services.runtime.RedisConnector;
import dev.ficus.sync.SyncService;
import dev.ficus.sync.config.SyncConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The whole path on the shared test servers: a seeded Magento database (MariaDB, binlog on) served by the stand-in,
 * the sync streaming it to Redis, and the four read services on PostgreSQL. Redis database 0 is the platform's (the
 * sync publishes to the fixed topic names there), so one such path runs per test JVM at a time.
 */
public final class FullPath implements AutoCloseable {
    public final DatabaseEndpoint magento;
    public final DatabaseEndpoint platform;
    public final RedisEndpoint redis;
    public final MagentoStandIn standIn;
    public final String adminToken;
    private final Path workDir;
    private SyncService sync;
    private ReadServices services;

    private FullPath(DatabaseEndpoint magento, DatabaseEndpoint platform, RedisEndpoint redis, MagentoStandIn standIn,
                     String adminToken, Path workDir) {
        this.magento = magento;
        this.platform = platform;
        this.redis = redis;
        this.standIn = standIn;
        this.adminToken = adminToken;
        this.workDir = workDir;
    }

    /** Seeds the shop, runs {@code beforeSync} on it, and starts the stand-in (not yet the sync or the services). */
    public static FullPath seed(Class<?> testClass, FixtureProfile profile, String... beforeSync) throws Exception {
        DatabaseEndpoint magento = TestServers.freshMariadbDatabase(testClass);
        MagentoSeeder.seed(magento, profile, 42, SeedListener.NONE);
        return start(testClass, magento, beforeSync);
    }

    /**
     * A shop with nothing but the 2.4 schema and its fresh-install rows, then {@code rows} (run in order on one
     * connection), and the stand-in started on it: for tests that spell out every Magento row themselves.
     */
    public static FullPath emptyShop(Class<?> testClass, List<String> rows) throws Exception {
        DatabaseEndpoint magento = TestServers.freshMariadbDatabase(testClass);
        try (Connection c = DriverManager.getConnection(magento.mariadbJdbcUrl(), magento.user(),
                magento.password().reveal())) {
            MagentoSchema.install(c);
        }
        return start(testClass, magento, rows.toArray(String[]::new));
    }

    private static FullPath start(Class<?> testClass, DatabaseEndpoint magento, String... beforeSync)
            throws Exception {
        DatabaseEndpoint platform = TestServers.freshPostgresDatabase(testClass);
        MagentoStandIn standIn = MagentoStandIn.start(MagentoStandInConfig.defaults(0), magento);
        String token = Json.read(post(standIn.baseUrl() + "/rest/V1/integration/admin/token",
                "{\"username\":\"admin\",\"password\":\"admin123\"}")).asText();
        FullPath path = new FullPath(magento, platform, TestServers.redis(), standIn, token,
                Files.createTempDirectory(Path.of("target"), "fullpath"));
        path.sql(beforeSync);
        return path;
    }

    public void startSync() throws Exception {
        LoadedConfig c = ConfigLoader.load(ConfigSource.fromYaml(syncYaml(), Map.of()),
                List.of(SyncConfig.SECTION, MagentoConfig.SECTION, PlatformConfig.SECTION));
        sync = SyncService.start(c.get(SyncConfig.SECTION), c.get(MagentoConfig.SECTION),
                c.get(PlatformConfig.SECTION));
    }

    public ReadServices startServices(ServicesConfig config) {
        services = ReadServices.start(EnumSet.allOf(Domain.class), config, new PlatformConfig(platform, redis),
                RedisConnector.of(redis));
        return services;
    }

    /** A customer token from the stand-in, as a shopper logs in. */
    public String customerToken(String email, String password) {
        return Json.read(post(standIn.baseUrl() + "/rest/V1/integration/customer/token",
                "{\"username\":\"" + email + "\",\"password\":\"" + password + "\"}")).asText();
    }

    public ReadServices services() {
        return services;
    }

    public String serviceUrl(Domain name) {
        return "http://127.0.0.1:" + services.port(name);
    }

    public Http.Reply magentoGet(String path) {
        return Http.get(standIn.baseUrl() + path, Map.of("Authorization", "Bearer " + adminToken));
    }

    public void sql(String... statements) throws SQLException {
        try (Connection c = magentoConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    public long magentoLong(String sql) throws SQLException {
        try (Connection c = magentoConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public List<String> magentoStrings(String sql) throws SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = magentoConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /**
     * Waits until every read model holds as many entities as Magento's tables: products, customers, orders and the
     * stock items of both the inventory and the catalog service.
     */
    public void awaitReadModelsCaughtUp(Duration atMost, Duration poll) throws SQLException {
        long products = magentoLong("SELECT COUNT(*) FROM catalog_product_entity");
        long customers = magentoLong("SELECT COUNT(*) FROM customer_entity");
        long orders = magentoLong("SELECT COUNT(*) FROM sales_order");
        long stock = magentoLong("SELECT COUNT(DISTINCT product_id) FROM cataloginventory_stock_item");
        org.awaitility.Awaitility.await().atMost(atMost).pollInterval(poll).until(() ->
                platformLong("SELECT COUNT(*) FROM products") == products
                        && platformLong("SELECT COUNT(*) FROM customers") == customers
                        && platformLong("SELECT COUNT(*) FROM orders") == orders
                        && platformLong("SELECT COUNT(*) FROM stock_items") == stock
                        && platformLong("SELECT COUNT(*) FROM catalog_stock_items") == stock);
    }

    public long platformLong(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(platform.postgresJdbcUrl(), platform.user(),
                platform.password().reveal()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection magentoConnection() throws SQLException {
        return DriverManager.getConnection(magento.mariadbJdbcUrl() + "?tinyInt1isBit=false", magento.user(),
                magento.password().reveal());
    }

    private String syncYaml() {
        return "magento:\n"
                + "  database:\n"
                + "    host: " + magento.host() + "\n"
                + "    port: " + magento.port() + "\n"
                + "    user: " + magento.user() + "\n"
                + "    database: " + magento.database() + "\n"
                + "platform:\n"
                + "  postgres:\n"
                + "    host: " + platform.host() + "\n"
                + "    port: " + platform.port() + "\n"
                + "    user: " + platform.user() + "\n"
                + "    database: " + platform.database() + "\n"
                + "  redis:\n"
                + "    host: " + redis.host() + "\n"
                + "    port: " + redis.port() + "\n"
                + "sync:\n"
                + "  server_id: " + ThreadLocalRandom.current().nextInt(1000, 1_000_000) + "\n"
                + "  topic_prefix: " + magento.database() + "\n"
                + "  http:\n"
                + "    port: 0\n"
                + "  offsets:\n"
                + "    file: " + workDir.resolve("offsets.dat") + "\n"
                + "    history_file: " + workDir.resolve("history.dat") + "\n";
    }

    private static String post(String url, String json) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("POST " + url + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (services != null) {
            services.close();
        }
        if (sync != null) {
            sync.close();
        }
        standIn.close();
    }
}
