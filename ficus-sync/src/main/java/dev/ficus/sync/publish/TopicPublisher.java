package dev.ficus.sync.publish;

import dev.ficus.core.stream.EventPublisher;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.core.stream.StreamMessage;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.CloudEventCodec;
import dev.ficus.events.DeadLetter;
import dev.ficus.events.SnapshotMark;
import dev.ficus.events.Topics;
import io.vertx.core.Future;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a batch's events and dead letters into CloudEvent stream messages and hands them to the transport as
 * pipelined batches, waiting until it has stored all of them. Events and dead letters go through publishers of their
 * own: the topics are capped ({@code MAXLEN ~}), {@code migration.dlq} never is, because a dead letter is only ever
 * dropped by an explicit command. The end-of-snapshot marks ({@link SnapshotMark}) go on the topics like events.
 */
public final class TopicPublisher {
    private final EventPublisher events;
    private final EventPublisher deadLetters;
    private final String sourceName;
    private final Duration timeout;

    /**
     * @param events      publisher of the change events (the capped topics)
     * @param deadLetters publisher of the dead letters; must not cap its stream
     */
    public TopicPublisher(EventPublisher events, EventPublisher deadLetters, String sourceName, Duration timeout) {
        this.events = events;
        this.deadLetters = deadLetters;
        this.sourceName = sourceName;
        this.timeout = timeout;
    }

    /** On Redis Streams through one client: topics capped at {@code maxLen} (0 = uncapped), dead letters never. */
    public static TopicPublisher onRedis(Redis redis, long maxLen, String sourceName, Duration timeout) {
        return new TopicPublisher(new RedisStreamPublisher(redis, maxLen, false), new RedisStreamPublisher(redis, 0, false),
                sourceName, timeout);
    }

    public static List<StreamMessage> eventMessages(List<ChangeEvent> events, String source) {
        List<StreamMessage> out = new ArrayList<>(events.size());
        for (ChangeEvent e : events) {
            out.add(new StreamMessage(e.topic(), e.subject(), CloudEventCodec.encode(e, source)));
        }
        return out;
    }

    public static List<StreamMessage> deadLetterMessages(List<DeadLetter> deadLetters, String source) {
        List<StreamMessage> out = new ArrayList<>(deadLetters.size());
        for (DeadLetter d : deadLetters) {
            out.add(new StreamMessage(Topics.DLQ, d.subject(), CloudEventCodec.encode(d, source)));
        }
        return out;
    }

    /** The end-of-snapshot marks as stream messages, one per topic. */
    public static List<StreamMessage> markMessages(List<SnapshotMark> marks, String source) {
        List<StreamMessage> out = new ArrayList<>(marks.size());
        for (SnapshotMark m : marks) {
            out.add(new StreamMessage(m.topic(), m.subject(), CloudEventCodec.encode(m, source)));
        }
        return out;
    }

    /** Appends the marks to their topics; blocks until they are stored, as {@link #publish} does. */
    public void publishMarks(List<SnapshotMark> marks) throws TimeoutException {
        events.publish(markMessages(marks, sourceName)).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Blocks until every message is stored; throws when the transport failed or did not answer in time. */
    public void publish(List<ChangeEvent> changeEvents, List<DeadLetter> letters) throws TimeoutException {
        Future<Void> sent = events.publish(eventMessages(changeEvents, sourceName));
        if (!letters.isEmpty()) {
            sent = Future.all(sent, deadLetters.publish(deadLetterMessages(letters, sourceName))).mapEmpty();
        }
        sent.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
