package dev.ficus.bench.services;

import dev.ficus.bench.load.AdminToken;
import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.devstack.DevStack;
import dev.ficus.devstack.DevStackSettings;
import dev.ficus.devstack.process.FileTrees;
import dev.ficus.devstack.redis.RespClient;
import dev.ficus.events.Domain;
import dev.ficus.events.Topics;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.magento.fixture.MagentoSeeder;
import dev.ficus.magento.fixture.SeedListener;
import dev.ficus.magento.rest.MagentoStandIn;
import dev.ficus.magento.rest.MagentoStandInConfig;
import dev.ficus.services.ReadServices;
import dev.ficus.services.ServicesConfig;
import dev.ficus.sync.SyncService;
import dev.ficus.sync.config.SyncConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the HTTP benches read from, built fresh for each run: a dev stack (embedded MariaDB, PostgreSQL, Redis) in a
 * temporary directory on free ports, the small fixture shop, the Magento stand-in, and the sync's snapshot of that
 * shop in the migration topics. The read services are started one by one by the bench (their first minutes are the
 * apply measurement). {@link #close()} stops everything and deletes the directory.
 *
 * <p>The sync is stopped once the snapshot is in Redis: nothing changes in the shop during a bench, and an idle
 * Debezium engine would only take CPU from the servers being measured.
 */
public final class BenchStack implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BenchStack.class);
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(10);
    private static final long FIXTURE_SEED = 1;

    private final Path workDir;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<Domain, ReadServices> services = new EnumMap<>(Domain.class);
    private DevStack stack;
    private MagentoStandIn standIn;
    private String adminToken;
    private Map<String, Long> expectedEvents;
    private Entities entities;

    /** Sample keys of the seeded shop, in database order. */
    public record Entities(List<String> skus, List<String> customerIds, List<String> orderIds) {
    }

    private BenchStack(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Starts the stack and waits until the sync's snapshot of the seeded shop is in the topics. {@code progress} gets
     * one line per step.
     */
    public static BenchStack start(Consumer<String> progress) {
        Path dir;
        try {
            dir = Files.createTempDirectory("ficus-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the bench's dev stack", e);
        }
        BenchStack bench = new BenchStack(dir);
        try {
            bench.startAll(progress);
            return bench;
        } catch (RuntimeException e) {
            bench.close();
            throw e;
        }
    }

    private void startAll(Consumer<String> progress) {
        long t0 = System.nanoTime();
        progress.accept("starting a fresh dev stack in " + workDir);
        stack = DevStack.start(DevStackSettings.defaults().withWorkDir(workDir.resolve("stack")).withFresh(true));
        started.add(stack);
        progress.accept("seeding the small fixture profile");
        MagentoSeeder.seed(stack.mariadb(), FixtureProfile.SMALL, FIXTURE_SEED, SeedListener.NONE);
        standIn = MagentoStandIn.start(MagentoStandInConfig.defaults(0), stack.mariadb());
        started.add(standIn);
        adminToken = AdminToken.fetch(standIn.baseUrl(), MagentoStandInConfig.DEV_ADMIN_USER,
                MagentoStandInConfig.DEV_ADMIN_PASSWORD);
        readShop();
        progress.accept("sync: snapshot of " + expectedEvents + " events into the migration topics");
        try (SyncService sync = SyncService.start(syncConfig(), magento(), platform())) {
            awaitSnapshot();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // SyncService.start declares Exception (Debezium's engine); the bench cannot go on without its snapshot
            throw new IllegalStateException("the sync failed: " + e.getMessage(), e);
        }
        progress.accept(String.format(java.util.Locale.ROOT, "stack ready in %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    /** Reads the keys the benches ask for and the number of events the snapshot must give per topic. */
    private void readShop() {
        try (Connection c = standIn.dataSource().getConnection()) {
            List<String> skus = strings(c, "SELECT sku FROM catalog_product_entity ORDER BY entity_id");
            List<String> customers = strings(c, "SELECT entity_id FROM customer_entity ORDER BY entity_id");
            List<String> orders = strings(c, "SELECT entity_id FROM sales_order ORDER BY entity_id");
            long stock = Long.parseLong(strings(c,
                    "SELECT COUNT(DISTINCT product_id) FROM cataloginventory_stock_item").get(0));
            entities = new Entities(skus, customers, orders);
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put(Topics.PRODUCT, (long) skus.size());
            expected.put(Topics.CUSTOMER, (long) customers.size());
            expected.put(Topics.ORDER, (long) orders.size());
            expected.put(Topics.STOCK, stock);
            expectedEvents = Map.copyOf(expected);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the seeded shop: " + e.getMessage(), e);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private void awaitSnapshot() throws InterruptedException {
        long deadline = System.nanoTime() + SNAPSHOT_TIMEOUT.toNanos();
        while (true) {
            boolean complete = true;
            for (Map.Entry<String, Long> e : expectedEvents.entrySet()) {
                // and the end-of-snapshot mark after them, without which a service is never ready for the gateway
                complete &= streamLength(e.getKey()) >= e.getValue() + 1;
            }
            if (complete) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sync's snapshot did not reach Redis within " + SNAPSHOT_TIMEOUT
                        + " (expected per topic: " + expectedEvents + ")");
            }
            Thread.sleep(200);
        }
    }

    /** The sync's own settings only (its databases come as records), with offsets in the temporary directory. */
    private SyncConfig syncConfig() {
        String yaml = "sync:\n"
                + "  server_id: " + ThreadLocalRandom.current().nextInt(1000, 1_000_000) + "\n"
                + "  topic_prefix: ficus_bench\n"
                + "  http:\n    port: 0\n"
                + "  offsets:\n"
                + "    file: " + workDir.resolve("offsets.dat") + "\n"
                + "    history_file: " + workDir.resolve("schema-history.dat") + "\n";
        return ConfigLoader.load(ConfigSource.fromYaml(yaml, Map.of()), List.of(SyncConfig.SECTION))
                .get(SyncConfig.SECTION);
    }

    /** Every read service on a free port of the loopback address; the rest as the defaults say. */
    public ServicesConfig servicesConfig() {
        StringBuilder yaml = new StringBuilder("services:\n  http:\n    host: 127.0.0.1\n");
        for (Domain s : Domain.values()) {
            yaml.append("  ").append(s.id()).append(":\n    port: 0\n");
        }
        return ConfigLoader.load(ConfigSource.fromYaml(yaml.toString(), Map.of()), List.of(ServicesConfig.SECTION))
                .get(ServicesConfig.SECTION);
    }

    /** Starts one read service in its own process-local runtime, so that it can be stopped alone (failover). */
    public ReadServices startService(Domain name) {
        if (services.containsKey(name)) {
            throw new IllegalStateException(name.id() + " runs already");
        }
        ReadServices s = ReadServices.start(EnumSet.of(name), servicesConfig(), platform());
        services.put(name, s);
        return s;
    }

    /** Stops a service started by {@link #startService}, as a crash or a kill would take it away. */
    public void stopService(Domain name) {
        ReadServices s = services.remove(name);
        if (s != null) {
            s.close();
        }
    }

    public int servicePort(Domain name) {
        ReadServices s = services.get(name);
        if (s == null) {
            throw new IllegalStateException(name.id() + " is not running");
        }
        return s.port(name);
    }

    /** Events the snapshot gave to {@code topic}. */
    public long expectedEvents(String topic) {
        return expectedEvents.getOrDefault(topic, 0L);
    }

    public long streamLength(String topic) {
        try (RespClient redis = RespClient.connect(stack.redis(), Duration.ofSeconds(5))) {
            Object reply = redis.command("XLEN", topic);
            return reply instanceof Long n ? n : 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the length of " + topic + " from Redis", e);
        }
    }

    public MagentoConfig magento() {
        return new MagentoConfig(standIn.baseUrl(), stack.mariadb());
    }

    public PlatformConfig platform() {
        return new PlatformConfig(stack.postgres(), stack.redis());
    }

    public MagentoStandIn standIn() {
        return standIn;
    }

    /** The headers every read carries: Magento wants an admin token for all four reads. */
    public Map<String, String> readHeaders() {
        return Map.of("Authorization", "Bearer " + adminToken);
    }

    public Entities entities() {
        return entities;
    }

    /** A directory for the bench's own files (flags, proxy configuration), deleted on close. */
    public Path workDir() {
        return workDir;
    }

    /** The read path of {@code service} for every seeded entity it answers for. */
    public List<String> readPaths(Domain service) {
        List<String> out = new ArrayList<>();
        switch (service) {
            case CATALOG -> entities.skus().forEach(sku -> out.add("/rest/V1/products/" + pathSegment(sku)));
            case CUSTOMER -> entities.customerIds().forEach(id -> out.add("/rest/V1/customers/" + id));
            case ORDER -> entities.orderIds().forEach(id -> out.add("/rest/V1/orders/" + id));
            case INVENTORY -> entities.skus().forEach(sku -> out.add("/rest/V1/stockItems/" + pathSegment(sku)));
        }
        return out;
    }

    /** The route template the report shows for {@code service}'s reads. */
    public static String routeOf(Domain service) {
        return switch (service) {
            case CATALOG -> "GET /rest/V1/products/{sku}";
            case CUSTOMER -> "GET /rest/V1/customers/{id}";
            case ORDER -> "GET /rest/V1/orders/{id}";
            case INVENTORY -> "GET /rest/V1/stockItems/{sku}";
        };
    }

    private static String pathSegment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Stops the services, the stand-in and the servers, then deletes the temporary directory. */
    @Override
    public void close() {
        for (Domain name : List.copyOf(services.keySet())) {
            try {
                stopService(name);
            } catch (RuntimeException e) {
                LOG.warn("{} did not stop cleanly: {}", name.id(), e.getMessage());
            }
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                LOG.warn("bench stack: {} did not stop cleanly: {}", started.get(i).getClass().getSimpleName(),
                        e.getMessage());
            }
        }
        started.clear();
        FileTrees.deleteRecursively(workDir);
    }
}
