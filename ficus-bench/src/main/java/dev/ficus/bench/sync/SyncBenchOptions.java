package dev.ficus.bench.sync;

import dev.ficus.magento.fixture.FixtureProfile;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code ficus bench sync} runs.
 *
 * @param profiles        fixture profiles whose initial snapshot is timed, each on a fresh stack; streaming runs on
 *                        the first one's shop after its snapshot
 * @param rates           constant rates (changes/s) at which commit → published latency is measured
 * @param stepDuration    how long each of those rates is held
 * @param writers         writer threads (one MariaDB connection each) that keep the open-loop schedule
 * @param ramp            the search for the highest sustained rate, or {@code null} to skip it
 * @param rampStep        how long each ramp step is held
 * @param criteria        when a ramp step counts as sustained
 * @param grace           how long after a step's last commit its changes may still arrive
 * @param baseline        also measure Debezium alone at the same rates
 * @param seed            fixture seed (the same seed gives the same shop)
 * @param snapshotTimeout longest wait for one profile's snapshot
 * @param progress        where progress lines go (stderr in the CLI)
 */
public record SyncBenchOptions(List<FixtureProfile> profiles, List<Integer> rates, Duration stepDuration, int writers,
                               SustainedRateSearch ramp, Duration rampStep, SustainCriteria criteria, Duration grace,
                               boolean baseline, long seed, Duration snapshotTimeout, Consumer<String> progress) {

    public SyncBenchOptions {
        profiles = List.copyOf(profiles);
        rates = List.copyOf(rates);
        if (profiles.isEmpty()) {
            throw new IllegalArgumentException("name at least one fixture profile");
        }
        for (int rate : rates) {
            if (rate < 1) {
                throw new IllegalArgumentException("rates must be at least 1 change/s, was " + rate);
            }
        }
        positive(stepDuration, "the step duration");
        positive(rampStep, "the ramp step duration");
        positive(grace, "the grace period");
        positive(snapshotTimeout, "the snapshot timeout");
        if (writers < 1) {
            throw new IllegalArgumentException("at least one writer is needed, was " + writers);
        }
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be more than 0, was " + d);
        }
    }

    /** Whether the first profile's shop gets any streaming load. */
    boolean streams() {
        return !rates.isEmpty() || ramp != null;
    }
}
