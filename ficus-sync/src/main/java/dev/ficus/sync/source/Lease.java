package dev.ficus.sync.source;

/**
 * Makes sure only one sync process streams a given source at a time: two would race on the offsets and publish every
 * change twice. The holder renews it while it runs; a standby keeps trying and takes over when the holder stops or
 * dies (after the lease's time to live). The lease lives where the offsets live (a lock file beside them, a Redis key,
 * a PostgreSQL advisory lock), so whoever can resume from the offsets is who competes for it.
 */
public interface Lease extends AutoCloseable {

    /** Takes the lease if it is free, or renews it if this process holds it; true while held. */
    boolean holdOrTake();

    /** Who holds the lease, for the log line of a standby (may be {@code null}). */
    default String holder() {
        return null;
    }

    /** Gives the lease up so a standby can take over at once. */
    @Override
    void close();
}
