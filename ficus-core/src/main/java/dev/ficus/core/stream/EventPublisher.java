package dev.ficus.core.stream;

import io.vertx.core.Future;
import java.util.List;

/**
 * Publishes messages to topics. A batch is handed over whole so that the transport can pipeline it (one round trip
 * for many messages). The returned future succeeds only when the transport has stored every message of the batch;
 * messages of one topic are stored in the order given. On failure some messages may be stored and others not, so the
 * caller re-sends the whole batch: consumers tolerate duplicates (see {@code SourcePosition}).
 */
public interface EventPublisher extends AutoCloseable {

    Future<Void> publish(List<StreamMessage> messages);

    /** Releases connections; messages not yet acknowledged are not waited for. */
    @Override
    void close();
}
