/**
 * {@code ficus bench services} ({@link dev.ficus.bench.services.ServicesBench}) and the stack every HTTP bench reads
 * from ({@link dev.ficus.bench.services.BenchStack}: a fresh dev stack in a temporary directory on free ports, the
 * small fixture shop, the Magento stand-in, and the sync's snapshot in the topics; all removed after the run).
 *
 * <p>Per service: apply throughput ({@link dev.ficus.bench.services.ApplyThroughput}: the snapshot's events into a
 * fresh consumer group, over the wall time and over the time inside apply batches), the highest sustained GET rate
 * (closed loop), and GET p50/p99 at the bench rate (open loop). The Magento stand-in answers the same reads in the
 * same run as the baseline. Budget: p99 under 5 ms at 2,000 req/s with no errors.
 */
package dev.ficus.bench.services;
