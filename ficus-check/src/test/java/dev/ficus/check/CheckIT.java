package dev.ficus.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.events.Domain;
import dev.ficus.sync.config.SyncConfig;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.services.testing.FullPath;
import dev.ficus.services.testing.TestConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ficus check} against the whole path on real servers: the seeded small shop (MariaDB, binlog on), the sync
 * and the four read services (PostgreSQL, Redis). First everything matches; then rows changed behind the sync's
 * back, on either side, are found.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckIT {
    private static final Duration NO_WAIT = Duration.ZERO;
    private static FullPath path;
    private static Checker checker;

    @BeforeAll
    static void start() throws Exception {
        path = synced(CheckIT.class);
        checker = Checker.connect(path.magento, path.platform, 2);
    }

    /** The seeded small shop with the sync and the four services running, every read model caught up. */
    static FullPath synced(Class<?> owner) throws Exception {
        FullPath path = FullPath.seed(owner, FixtureProfile.SMALL);
        try {
            path.startSync();
            path.startServices(TestConfig.services().withReadyMaxLag(Duration.ofSeconds(30)));
            path.awaitReadModelsCaughtUp(Duration.ofMinutes(3), Duration.ofMillis(500));
            return path;
        } catch (Exception | Error e) {
            path.close();
            throw e;
        }
    }

    @AfterAll
    static void stop() {
        if (checker != null) {
            checker.close();
        }
        if (path != null) {
            path.close();
        }
    }

    private static CheckOptions all(Domain domain) {
        return new CheckOptions(Target.of(domain), 0, NO_WAIT, 2);
    }

    @Test
    @Order(1)
    void everyEntityOfEveryDomainMatchesAndTheCountsAgree() throws Exception {
        CheckReport report = checker.check(all(null), Progress.NONE);

        assertThat(report.problems()).isEmpty();
        assertThat(report.passed()).isTrue();
        long expected = path.magentoLong("SELECT COUNT(*) FROM catalog_product_entity")
                + path.magentoLong("SELECT COUNT(*) FROM customer_entity")
                + path.magentoLong("SELECT COUNT(*) FROM sales_order")
                + 2 * path.magentoLong("SELECT COUNT(DISTINCT product_id) FROM cataloginventory_stock_item");
        assertThat(report.entities()).isEqualTo(expected);
        System.out.printf("ficus check all --all: %d entities in %.2f s, %.0f entities/s%n", report.entities(),
                report.elapsed().toNanos() / 1e9, report.rate());

        List<CountRow> counts = checker.counts(Target.of(null));
        assertThat(counts).allMatch(CountRow::ok);
        assertThat(counts).filteredOn(r -> r.platformSource().equals("products"))
                .singleElement().satisfies(r -> assertThat(r.difference()).isZero());
    }

    @Test
    @Order(2)
    void aRowChangedInPostgresBehindTheServicesBackIsFoundWithTheFieldNamedAndRepaired() throws Exception {
        long id = path.magentoLong("SELECT MIN(entity_id) FROM catalog_product_entity WHERE type_id = 'simple'");
        String name = path.magentoStrings("SELECT v.value FROM catalog_product_entity_varchar v JOIN eav_attribute a "
                + "ON a.attribute_id = v.attribute_id AND a.entity_type_id = 4 AND a.attribute_code = 'name' "
                + "WHERE v.store_id = 0 AND v.entity_id = " + id).get(0);
        platformSql("UPDATE products SET record = jsonb_set(record, '{attributes,name}', '\"Tampered\"'), "
                + "updated_at = updated_at + interval '5 seconds' WHERE magento_id = " + id);

        CheckReport report = checker.check(all(Domain.CATALOG), Progress.NONE);

        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo(Target.PRODUCTS);
            assertThat(r.magentoId()).isEqualTo(id);
            assertThat(r.status()).isEqualTo(EntityResult.Status.DIFFERENT);
            assertThat(r.diffs()).contains(new FieldDiff("attributes.name", name, "Tampered"));
            assertThat(r.diffs()).extracting(FieldDiff::field).contains("column updated_at");
            assertThat(r.lagSeconds()).isEqualTo(5.0);
        });
        assertThat(report.toTable()).contains("attributes.name: Magento '" + name + "', platform 'Tampered'");

        try (Republisher republisher = Republisher.open(path.magento, platformConfig(), syncConfig())) {
            checker.repair(report, republisher, Duration.ofSeconds(30));
        }

        assertThat(report.repair().fixed()).extracting(EntityResult::magentoId).containsExactly(id);
        assertThat(report.repair().notFixed()).isEmpty();
        assertThat(report.passed()).isTrue();
        assertThat(checker.check(all(Domain.CATALOG), Progress.NONE).passed()).isTrue();
    }

    @Test
    @Order(3)
    void aProductDeletedInMagentoWithoutABinlogEntryIsExtraOnThePlatform() throws Exception {
        long id = path.magentoLong("SELECT MAX(entity_id) FROM catalog_product_entity WHERE type_id = 'simple' "
                + "AND entity_id NOT IN (SELECT product_id FROM catalog_product_super_link)");
        // a delete the binlog never carried: the sync cannot know of it
        path.sql("SET SESSION sql_log_bin = 0", "DELETE FROM catalog_product_entity WHERE entity_id = " + id);

        CheckReport report = checker.check(all(Domain.CATALOG), Progress.NONE);

        assertThat(report.passed()).isFalse();
        assertThat(report.problems()).extracting(EntityResult::target, EntityResult::magentoId, EntityResult::status)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(Target.PRODUCTS, id, EntityResult.Status.EXTRA),
                        org.assertj.core.groups.Tuple.tuple(Target.CATALOG_STOCK, id, EntityResult.Status.EXTRA));
        assertThat(report.tallies()).filteredOn(t -> t.target() == Target.PRODUCTS).singleElement()
                .satisfies(t -> assertThat(t.extra()).isEqualTo(1));
    }

    private static PlatformConfig platformConfig() {
        return new PlatformConfig(path.platform, path.redis);
    }

    private static SyncConfig syncConfig() {
        LoadedConfig c = ConfigLoader.load(ConfigSource.fromYaml("", Map.of()), List.of(SyncConfig.SECTION));
        return c.get(SyncConfig.SECTION);
    }

    private static void platformSql(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(path.platform.postgresJdbcUrl(), path.platform.user(),
                path.platform.password().reveal()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
