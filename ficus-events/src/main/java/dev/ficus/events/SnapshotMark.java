package dev.ficus.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The end of the initial snapshot on one topic: every entity's snapshot event is in the stream before this entry. A
 * consumer that has applied everything up to the mark holds a complete copy, and from then on only has to keep up;
 * before it, an answer could come from a partial set. It is not a change of an entity: a consumer applies nothing for
 * it and only notes, durably, that it got there.
 *
 * <p>The sync appends one to each domain topic whenever it goes from snapshotting (or starting) to streaming, so a
 * topic can hold several: each says the same thing, and the first one a consumer applies is the one that matters.
 * On the wire it is a CloudEvent of type {@value CloudEventCodec#SNAPSHOT_MARK_TYPE} ({@link CloudEventCodec}).
 *
 * @param topic  the topic the mark is on
 * @param source where the snapshot ended in the binlog (streaming goes on from there)
 * @param at     when the sync appended it
 */
public record SnapshotMark(String topic, SourcePosition source, Instant at) {
    public SnapshotMark {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
    }

    /** {@code snapshot/migration.product.changed}: the CloudEvent {@code subject}. */
    public String subject() {
        return "snapshot/" + topic;
    }

    /** Stable for one snapshot's end on one topic, so a mark appended again after a crash has the same id. */
    public String eventId() {
        String name = subject() + "@" + source.file() + ":" + source.pos() + ":" + source.event() + ":" + source.row();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
