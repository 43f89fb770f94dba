package dev.ficus.bench.sync;

import dev.ficus.magento.fixture.FixtureProfile;

/**
 * The initial snapshot of one fixture profile: the products and the seconds from the sync's start to the first and
 * to the last product event, and the events of every topic with the seconds to the last of them.
 */
public record SnapshotFigures(FixtureProfile profile, long products, double firstProductSeconds,
                              double productSeconds, long events, double eventSeconds) {

    public double productsPerSecond() {
        return products / productSeconds;
    }

    /** The rate once events flow, leaving out the engine's start and schema read (which weigh on a small shop). */
    public double productsPerSecondAfterFirst() {
        double flowing = productSeconds - firstProductSeconds;
        return flowing > 0 ? (products - 1) / flowing : Double.NaN;
    }
}
