package dev.ficus.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * One change of one Magento entity, as the services receive it: what happened ({@code op}), to which entity (its
 * type, Magento id and platform UUID), the entity's whole flattened state after the change ({@code record}; for a
 * delete, what was last known, possibly only the keys), and where in the binlog it was read ({@code source}).
 *
 * <p>Events carry whole states, never diffs, so a consumer applies an event by replacing its row when the event's
 * source position is after the stored one. This record knows nothing about the transport (Redis, Kafka).
 */
public record ChangeEvent(Op op, EntityType entityType, long magentoId, UUID id, ObjectNode record,
                          SourcePosition source) {

    public ChangeEvent {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(source, "source");
    }

    /** The topic this event belongs on. */
    public String topic() {
        return entityType.topic();
    }

    /** {@code product/42}: names the entity in logs and in the CloudEvent {@code subject}. */
    public String subject() {
        return entityType.code() + "/" + magentoId;
    }

    /**
     * A stable id for this exact change: the same entity at the same source position always gets the same id, so an
     * event re-sent after a crash has the id it had the first time (CloudEvents consumers may de-duplicate on it).
     */
    public String eventId() {
        String name = subject() + "@" + source.file() + ":" + source.pos() + ":" + source.event() + ":" + source.row()
                + (source.snapshot() ? ":s" : "") + ":" + op.code();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
