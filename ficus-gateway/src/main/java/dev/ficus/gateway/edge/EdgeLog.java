package dev.ficus.gateway.edge;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log lines about what clients did at the edge (a refused target, a body too large, a slow client, a failed read
 * Magento did not serve either). The answers the gateway gives clients say only what is wrong; these lines say which
 * setting decided it. Anyone can cause them, so each kind is written at most once per interval in this process, with
 * the number of the same kind left out since: a client cannot flood the log.
 */
public enum EdgeLog {
    TARGET(false),
    BODY_SIZE(false),
    HEAD_SIZE(false),
    MALFORMED(false),
    HEAD_TIMEOUT(false),
    BODY_TIMEOUT(false),
    CONNECTION_LIMIT(true),
    UNCOUNTED_FAILURE(false);

    private static final Logger LOG = LoggerFactory.getLogger(EdgeLog.class);
    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final boolean warn;
    private final AtomicLong nextAt = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong leftOut = new AtomicLong();

    EdgeLog(boolean warn) {
        this.warn = warn;
    }

    /** Logs the line unless one of this kind was logged within the interval (then it is only counted). */
    public void note(String line) {
        long now = System.nanoTime();
        long next = nextAt.get();
        if ((next != Long.MIN_VALUE && now - next < 0) || !nextAt.compareAndSet(next, now + INTERVAL_NANOS)) {
            leftOut.incrementAndGet();
            return;
        }
        long skipped = leftOut.getAndSet(0);
        String text = skipped == 0 ? line : line + " (and " + skipped + " more of this kind since the last such line)";
        if (warn) {
            LOG.warn(text);
        } else {
            LOG.info(text);
        }
    }
}
