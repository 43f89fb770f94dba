package dev.ficus.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A change the sync could not turn into an event, parked on {@link Topics#DLQ} so that the pipeline goes on and a
 * person (or {@code ficus dlq replay}) can deal with it later.
 *
 * @param table      the Magento table whose row could not be handled
 * @param key        the row's key as JSON (for example {@code {"entity_id":42}})
 * @param entityType the entity the row belongs to, when known
 * @param magentoId  the entity's Magento id, when known
 * @param topic      the topic the event would have gone to
 * @param source     where the row was read in the binlog
 * @param error      why it failed (exception class and message)
 * @param attempts   how many times extraction was tried
 * @param failedAt   when the sync gave up
 */
public record DeadLetter(String table, String key, EntityType entityType, Long magentoId, String topic,
                         SourcePosition source, String error, int attempts, Instant failedAt) {

    public DeadLetter {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(failedAt, "failedAt");
    }

    public String subject() {
        return entityType == null ? table + "/" + key : entityType.code() + "/" + magentoId;
    }
}
