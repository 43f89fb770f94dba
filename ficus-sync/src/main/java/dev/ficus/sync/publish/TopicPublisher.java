package dev.ficus.sync.publish;

import dev.ficus.core.event.ChangeEvent;
import dev.ficus.core.event.CloudEventCodec;
import dev.ficus.core.event.DeadLetter;
import dev.ficus.core.event.Topics;
import dev.ficus.core.stream.EventPublisher;
import dev.ficus.core.stream.StreamMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a batch's events and dead letters into CloudEvent stream messages and hands them to the
 * {@link EventPublisher} as one pipelined batch, waiting until the transport has stored all of them.
 */
public final class TopicPublisher {
    private final EventPublisher publisher;
    private final String sourceName;
    private final Duration timeout;

    public TopicPublisher(EventPublisher publisher, String sourceName, Duration timeout) {
        this.publisher = publisher;
        this.sourceName = sourceName;
        this.timeout = timeout;
    }

    public static List<StreamMessage> messages(List<ChangeEvent> events, List<DeadLetter> deadLetters, String source) {
        List<StreamMessage> out = new ArrayList<>(events.size() + deadLetters.size());
        for (ChangeEvent e : events) {
            out.add(new StreamMessage(e.topic(), e.subject(), CloudEventCodec.encode(e, source)));
        }
        for (DeadLetter d : deadLetters) {
            out.add(new StreamMessage(Topics.DLQ, d.subject(), CloudEventCodec.encode(d, source)));
        }
        return out;
    }

    /** Blocks until every message is stored; throws when the transport failed or did not answer in time. */
    public void publish(List<ChangeEvent> events, List<DeadLetter> deadLetters) throws TimeoutException {
        List<StreamMessage> messages = messages(events, deadLetters, sourceName);
        if (!messages.isEmpty()) {
            publisher.publish(messages).await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
