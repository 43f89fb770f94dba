/**
 * {@code ficus bench sync}: {@link dev.ficus.bench.sync.SyncBench} times the sync's initial snapshot per fixture
 * profile ({@link dev.ficus.bench.sync.SnapshotWatch}), its MariaDB commit → published latency under an open-loop
 * load of price updates ({@link dev.ficus.bench.sync.PriceChanges} on a {@link dev.ficus.bench.load.RateSchedule},
 * read back by {@link dev.ficus.bench.sync.TopicTail} and paired by {@link dev.ficus.bench.sync.MarkerMatcher}), the
 * highest sustained rate ({@link dev.ficus.bench.sync.SustainedRateSearch} judged by
 * {@link dev.ficus.bench.sync.SustainCriteria}), and Debezium alone as the baseline
 * ({@link dev.ficus.bench.sync.DebeziumTail}).
 */
package dev.ficus.bench.sync;
