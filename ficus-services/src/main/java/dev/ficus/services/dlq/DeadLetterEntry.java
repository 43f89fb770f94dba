package dev.ficus.services.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import dev.ficus.events.CloudEventCodec;
import dev.ficus.services.runtime.DeadLetterWriter;
import java.time.Instant;

/**
 * One entry of {@code migration.dlq} as {@code ficus dlq} shows it.
 *
 * @param id         the entry's id on {@code migration.dlq} (what {@code show}, {@code replay} and {@code drop} take)
 * @param origin     {@code sync} (the sync could not build the event) or the consumer group that failed to apply
 * @param topic      the topic the event belongs on
 * @param subject    the entity ({@code product/42}) or, when unknown, the row or entry
 * @param error      why it failed
 * @param attempts   tries before giving up
 * @param failedAt   when it was given up
 * @param event      the event as it was on its topic, when the letter carries one (consumer letters do); replay puts
 *                   exactly this back on {@code topic}
 * @param replayedAt when {@code ficus dlq replay} last put it back, or {@code null}
 * @param raw        the whole entry (the dead-letter CloudEvent JSON)
 */
public record DeadLetterEntry(String id, String origin, String topic, String subject, String error, int attempts,
                              Instant failedAt, String event, Instant replayedAt, String raw) {

    public static final String SYNC_ORIGIN = "sync";

    /** Whether {@code replay} can put it back: only a letter that carries its event can. */
    public boolean replayable() {
        return event != null && !event.isEmpty() && topic != null && !topic.isEmpty();
    }

    /** Reads an entry; anything that is not a readable dead letter still lists, with what could be read. */
    static DeadLetterEntry parse(String id, String raw, Instant replayedAt) {
        JsonNode ce;
        try {
            ce = Json.read(raw);
        } catch (RuntimeException e) {
            return new DeadLetterEntry(id, "?", null, "?", "unreadable dead letter: " + e.getMessage(), 0, null, null,
                    replayedAt, raw);
        }
        JsonNode data = ce.path("data");
        String group = text(data, DeadLetterWriter.FIELD_GROUP);
        Instant failedAt = null;
        try {
            failedAt = data.hasNonNull("failed_at") ? Instant.parse(data.get("failed_at").asText()) : null;
        } catch (RuntimeException e) {
            // shown without a time
        }
        return new DeadLetterEntry(id,
                group != null ? group : (CloudEventCodec.DEAD_LETTER_TYPE.equals(text(ce, "type")) ? SYNC_ORIGIN : "?"),
                text(data, "topic"),
                ce.hasNonNull("subject") ? ce.get("subject").asText() : "?",
                text(data, "error"),
                data.path("attempts").asInt(),
                failedAt,
                text(data, DeadLetterWriter.FIELD_EVENT),
                replayedAt,
                raw);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
