package dev.ficus.bench.load;

import dev.ficus.bench.report.Latencies;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Counts and latencies of the replies inside a run's measured window, from any thread. */
final class Tally {
    private final Latencies latencies = new Latencies();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<String> sampleError = new AtomicReference<>();

    void sent() {
        sent.incrementAndGet();
    }

    void reply(Reply reply) {
        if (reply.ok()) {
            ok.incrementAndGet();
            latencies.recordNanos(reply.latencyNanos());
        } else {
            errors.incrementAndGet();
            latencies.recordError();
            sampleError.compareAndSet(null, reply.describe());
        }
    }

    LoadResult result(double seconds) {
        return new LoadResult(sent.get(), ok.get(), errors.get(), seconds, latencies.summary(), sampleError.get());
    }
}
