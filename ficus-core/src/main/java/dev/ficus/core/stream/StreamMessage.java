package dev.ficus.core.stream;

import java.util.Objects;

/**
 * One message to publish: the topic, the key of the entity it is about (Kafka would partition on it; Redis ignores
 * it) and the payload, an encoded CloudEvent.
 */
public record StreamMessage(String topic, String key, String data) {
    public StreamMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(data, "data");
    }
}
