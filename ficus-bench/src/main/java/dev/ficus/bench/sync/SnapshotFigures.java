package dev.ficus.bench.sync;

import dev.ficus.magento.fixture.FixtureProfile;

/**
 * The initial snapshot of one fixture profile: the products and the seconds from the sync's start to the last
 * product event, and the events of every topic with the seconds to the last of them.
 */
public record SnapshotFigures(FixtureProfile profile, long products, double productSeconds, long events,
                              double eventSeconds) {

    public double productsPerSecond() {
        return products / productSeconds;
    }
}
