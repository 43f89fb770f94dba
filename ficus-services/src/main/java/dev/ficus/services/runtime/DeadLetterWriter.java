package dev.ficus.services.runtime;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import dev.ficus.core.stream.EventPublisher;
import dev.ficus.core.stream.StreamMessage;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.CloudEventCodec;
import dev.ficus.events.DeadLetter;
import dev.ficus.events.SourcePosition;
import dev.ficus.events.Topics;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Writes a consumer's dead letters to {@link Topics#DLQ}: core's {@link DeadLetter} CloudEvent, whose {@code data}
 * additionally carries what a replay needs and what a person wants to see:
 * <ul>
 *   <li>{@code event}: the stream entry's payload exactly as it was (the CloudEvent JSON, or whatever text could not
 *       be decoded), put back on {@code topic} by {@code ficus dlq replay};</li>
 *   <li>{@code group}: the consumer group (service) that failed to apply it;</li>
 *   <li>{@code stream_id}: the entry's id on its topic.</li>
 * </ul>
 * Readers of dead letters that do not know these fields ignore them.
 */
public final class DeadLetterWriter {
    public static final String FIELD_EVENT = "event";
    public static final String FIELD_GROUP = "group";
    public static final String FIELD_STREAM_ID = "stream_id";
    private static final SourcePosition UNKNOWN = new SourcePosition("", 0, 0, 0, null, 0, false);

    private final EventPublisher publisher;
    private final String group;

    public DeadLetterWriter(EventPublisher publisher, String group) {
        this.publisher = publisher;
        this.group = group;
    }

    public Future<Void> write(List<FailedDelivery> letters, Instant now) {
        return publisher.publish(letters.stream().map(f -> new StreamMessage(Topics.DLQ,
                f.event() == null ? f.delivery().key() : f.event().subject(), encode(group, f, now))).toList());
    }

    public static String encode(String group, FailedDelivery f, Instant now) {
        ChangeEvent event = f.event();
        String topic = f.delivery().record().topic();
        String streamId = f.delivery().record().id();
        ObjectNode key = Json.object();
        key.put(FIELD_STREAM_ID, streamId);
        DeadLetter letter = new DeadLetter(topic, Json.write(key),
                event == null ? null : event.entityType(), event == null ? null : event.magentoId(), topic,
                event == null ? UNKNOWN : event.source(), f.error(), f.attempts(), now);
        ObjectNode ce = (ObjectNode) Json.read(CloudEventCodec.encode(letter, "ficus-services/" + group));
        ObjectNode data = (ObjectNode) ce.get("data");
        data.put(FIELD_EVENT, f.delivery().record().data());
        data.put(FIELD_GROUP, group);
        data.put(FIELD_STREAM_ID, streamId);
        return Json.write(ce);
    }
}
