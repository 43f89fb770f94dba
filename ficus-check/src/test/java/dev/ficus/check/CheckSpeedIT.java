package dev.ficus.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import dev.ficus.events.Domain;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.services.testing.FullPath;
import dev.ficus.services.testing.TestConfig;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How fast {@code ficus check --all} goes at database level on a bigger shop: run on demand only (seeding and
 * syncing the medium profile takes minutes), with {@code -Dficus.check.speed=medium} (or {@code large}):
 * {@code mvn -o verify -pl ficus-check -am -Dit.test=CheckSpeedIT -Dficus.check.speed=medium …}.
 */
class CheckSpeedIT {

    @Test
    void checkEveryEntityOfTheProfile() throws Exception {
        String profile = System.getProperty("ficus.check.speed");
        assumeThat(profile).as("run on demand: -Dficus.check.speed=medium|large").isNotBlank();
        try (FullPath path = FullPath.seed(CheckSpeedIT.class,
                FixtureProfile.valueOf(profile.toUpperCase(Locale.ROOT)))) {
            path.startSync();
            path.startServices(TestConfig.services().withReadyMaxLag(Duration.ofMinutes(30)));
            long products = path.magentoLong("SELECT COUNT(*) FROM catalog_product_entity");
            long customers = path.magentoLong("SELECT COUNT(*) FROM customer_entity");
            long orders = path.magentoLong("SELECT COUNT(*) FROM sales_order");
            long stock = path.magentoLong("SELECT COUNT(DISTINCT product_id) FROM cataloginventory_stock_item");
            await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(2)).until(() ->
                    path.platformLong("SELECT COUNT(*) FROM products") == products
                            && path.platformLong("SELECT COUNT(*) FROM customers") == customers
                            && path.platformLong("SELECT COUNT(*) FROM orders") == orders
                            && path.platformLong("SELECT COUNT(*) FROM stock_items") == stock
                            && path.platformLong("SELECT COUNT(*) FROM catalog_stock_items") == stock);
            int parallelism = Integer.getInteger("ficus.check.parallel", 4);
            try (Checker checker = Checker.connect(path.magento, path.platform, parallelism)) {
                for (Domain d : new Domain[] {Domain.CATALOG, Domain.CUSTOMER, Domain.ORDER, Domain.INVENTORY, null}) {
                    CheckReport r = checker.check(new CheckOptions(Target.of(d), 0, Duration.ZERO,
                            parallelism), Progress.NONE);
                    System.out.printf(Locale.ROOT, "ficus check %s --all (%s, %d at once): %,d entities in %.1f s, "
                                    + "%,.0f entities/s, %d mismatches%n", d == null ? "all" : d.id(), profile,
                            parallelism, r.entities(), r.elapsed().toNanos() / 1e9, r.rate(), r.problems().size());
                    assertThat(r.problems()).isEmpty();
                }
            }
        }
    }
}
