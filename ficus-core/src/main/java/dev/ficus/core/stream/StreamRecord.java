package dev.ficus.core.stream;

/**
 * One message as a consumer receives it: its topic, the transport's id for it (a Redis stream entry id such as
 * {@code 1732550000000-0}; acknowledge with it) and the payload.
 */
public record StreamRecord(String topic, String id, String data) {
}
