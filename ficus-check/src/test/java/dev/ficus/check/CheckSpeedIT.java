package dev.ficus.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

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
            path.awaitReadModelsCaughtUp(Duration.ofMinutes(60), Duration.ofSeconds(2));
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
