package dev.ficus.bench.sync;

import dev.ficus.bench.report.Latencies;

/**
 * One constant-rate load step, measured: what was asked, what the writers committed, how many changes were never
 * seen on the tail before the deadline, events that carried a value older than the step's (an entity read before
 * the change that caused its event was visible), commit → published latencies and the writers' own commit
 * latencies (due time → commit returned, the MariaDB floor under the load).
 */
public record StreamStep(double targetPerSecond, double achievedPerSecond, long committed, long missing,
                         long olderValues, Latencies.Summary latency, Latencies.Summary commit) {
}
