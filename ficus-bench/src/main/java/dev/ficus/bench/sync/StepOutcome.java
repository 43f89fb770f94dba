package dev.ficus.bench.sync;

/** What one constant-rate step of the ramp says about the pipeline at that rate. */
public enum StepOutcome {
    /** The pipeline kept up: see {@link SustainCriteria}. */
    SUSTAINED,
    /** The pipeline fell behind: changes were still unpublished at the deadline, or p99 went past the bound. */
    FELL_BEHIND,
    /** The writers could not commit at the rate asked: the load generator or MariaDB is the limit, not the sync. */
    WRITER_BOUND
}
