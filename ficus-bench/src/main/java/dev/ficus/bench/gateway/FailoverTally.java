package dev.ficus.bench.gateway;

import dev.ficus.bench.load.Reply;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Every read of the failover run, and what they say once the catalog service is killed: how long until Magento
 * served the first read, and how many reads failed (any status other than 2xx, or no answer) over the whole run.
 */
public final class FailoverTally implements Consumer<Reply> {
    private final Queue<Reply> replies = new ConcurrentLinkedQueue<>();

    /**
     * @param reads                 reads sent in the run
     * @param failed                of those, not answered 2xx
     * @param firstMagentoNanos     from the kill to the end of the first read Magento served after it; empty if none
     * @param servedByServiceAfter  reads the service still answered after the kill (in flight as it was stopped)
     */
    public record Result(long reads, long failed, OptionalLong firstMagentoNanos, long servedByServiceAfter) {
    }

    @Override
    public void accept(Reply reply) {
        replies.add(reply);
    }

    /** The outcome for a kill at {@code killNanos} ({@link System#nanoTime()} clock) of the service {@code backend}. */
    public Result result(long killNanos, String backend) {
        long reads = 0;
        long failed = 0;
        long servedAfter = 0;
        long first = Long.MAX_VALUE;
        for (Reply r : replies) {
            reads++;
            if (!r.ok()) {
                failed++;
                continue;
            }
            if (r.doneNanos() < killNanos) {
                continue;
            }
            if ("magento".equals(r.backend())) {
                first = Math.min(first, r.doneNanos() - killNanos);
            } else if (backend.equals(r.backend())) {
                servedAfter++;
            }
        }
        return new Result(reads, failed, first == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(first),
                servedAfter);
    }
}
