package dev.ficus.core.stream;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;

/**
 * Reads topics as one member of a consumer group: every message goes to one member of the group, stays pending until
 * acknowledged, and a message whose member died can be claimed by another after it has been idle long enough.
 * The group is the service's name (as with Dapr).
 */
public interface EventConsumer extends AutoCloseable {

    /** Creates the group on each topic if it does not exist yet, starting at the beginning of the topic. */
    Future<Void> ensureGroups();

    /**
     * New messages for this member, at most {@code count} per topic, waiting up to {@code block} when there are none
     * (an empty list then). Messages of one topic come in publish order.
     */
    Future<List<StreamRecord>> read(int count, Duration block);

    /** Marks messages as handled; they are not delivered to the group again. */
    Future<Void> ack(String topic, List<String> ids);

    /**
     * Takes over messages of {@code topic} that another member (or this one, before a restart) read but did not
     * acknowledge for at least {@code minIdle}; returns them for handling again.
     */
    Future<List<StreamRecord>> claimIdle(String topic, Duration minIdle, int count);

    @Override
    void close();
}
