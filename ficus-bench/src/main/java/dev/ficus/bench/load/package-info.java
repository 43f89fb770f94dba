/**
 * The HTTP load generator of the benches, on a Vert.x client with keep-alive connections.
 *
 * <ul>
 *   <li>{@link dev.ficus.bench.load.OpenLoopLoad}: a constant rate ({@link dev.ficus.bench.load.RateSchedule});
 *       each latency counts from the request's intended send time, so a stalled server is charged for every
 *       request it kept waiting (no coordinated omission). The figures a user would see at that rate.</li>
 *   <li>{@link dev.ficus.bench.load.ClosedLoopLoad}: N requests in flight, each connection sending its next request
 *       when the previous answer is complete: the highest rate a target sustains.</li>
 *   <li>{@link dev.ficus.bench.load.WrkLoad}: the same closed loop made by wrk in a process of its own (one thread),
 *       for comparisons where this JVM's client would take too large a share of the cores.</li>
 * </ul>
 *
 * <p>{@link dev.ficus.bench.load.InterleavedRuns} compares several targets in rounds (warm-up first, the median
 * round per target), with either closed-loop generator.
 *
 * <p>Both send the paths of an {@link dev.ficus.bench.load.HttpTarget} round-robin in a fixed shuffled order, with its
 * headers (the admin token from {@link dev.ficus.bench.load.AdminToken}), read every body, and count as errors every
 * non-2xx answer, every request whose connection stays silent for the timeout, and every request that waited longer
 * than the timeout for a free connection (it is then not sent at all, so an overloaded server can catch up).
 * Latencies go to {@link dev.ficus.bench.report.Latencies}. The generator shares the machine with what it measures.
 */
package dev.ficus.bench.load;
