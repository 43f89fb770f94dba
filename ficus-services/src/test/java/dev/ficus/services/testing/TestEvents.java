package dev.ficus.services.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.stream.EventPublisher;
import dev.ficus.core.stream.StreamMessage;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.CloudEventCodec;
import dev.ficus.events.EntityType;
import dev.ficus.events.Op;
import dev.ficus.events.SnapshotMark;
import dev.ficus.events.SourcePosition;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Builds and publishes events the way the sync does (core's codec and publisher), for tests. */
public final class TestEvents {
    private TestEvents() {
    }

    /** A position in binlog file {@code mysql-bin.000001} at {@code pos}, committed "now". */
    public static SourcePosition at(long pos) {
        return new SourcePosition("mysql-bin.000001", pos, 0, 0, "0-1-" + pos, System.currentTimeMillis(), false);
    }

    public static UUID uuid(EntityType type, long magentoId) {
        return UUID.nameUUIDFromBytes((type.code() + "/" + magentoId).getBytes(StandardCharsets.UTF_8));
    }

    public static ChangeEvent upsert(EntityType type, long magentoId, ObjectNode record, SourcePosition at) {
        return new ChangeEvent(Op.UPSERT, type, magentoId, uuid(type, magentoId), record, at);
    }

    public static ChangeEvent delete(EntityType type, long magentoId, ObjectNode record, SourcePosition at) {
        return new ChangeEvent(Op.DELETE, type, magentoId, uuid(type, magentoId), record, at);
    }

    /**
     * The sync's {@code store_directory} event (ficus-events README) for a shop with one website and one group, whose
     * default store view is store 1: {@code codes} maps each store view's code to its id.
     */
    public static ChangeEvent storeDirectory(java.util.Map<String, Long> codes, SourcePosition at) {
        ObjectNode record = dev.ficus.core.json.Json.object();
        record.putArray("websites").addObject().put("website_id", 1).put("code", "base").put("name", "Main Website")
                .put("sort_order", 0).put("default_group_id", 1).put("is_default", 1);
        record.putArray("groups").addObject().put("group_id", 1).put("website_id", 1).put("name", "Main Website Store")
                .put("root_category_id", 2).put("default_store_id", 1).put("code", "main_website_store");
        var stores = record.putArray("stores");
        codes.forEach((code, id) -> stores.addObject().put("store_id", id).put("code", code).put("website_id", 1)
                .put("group_id", 1).put("name", code).put("sort_order", 0).put("is_active", 1));
        return upsert(EntityType.STORE_DIRECTORY, 0, record, at);
    }

    public static void publish(EventPublisher publisher, ChangeEvent... events) {
        publish(publisher, Arrays.asList(events));
    }

    /** Marks the end of the initial snapshot on the topics, as the sync does when it starts streaming. */
    public static void publishSnapshotMark(EventPublisher publisher, String... topics) {
        try {
            publisher.publish(Arrays.stream(topics).map(t -> {
                SnapshotMark mark = new SnapshotMark(t, at(1), Instant.now());
                return new StreamMessage(t, mark.subject(), CloudEventCodec.encode(mark, "test"));
            }).toList()).await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publish(EventPublisher publisher, List<ChangeEvent> events) {
        try {
            publisher.publish(events.stream().map(e -> new StreamMessage(e.topic(), e.subject(),
                    CloudEventCodec.encode(e, "test"))).toList()).await(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
