package dev.ficus.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes and reads events as CloudEvents 1.0 JSON (structured mode), the form Dapr's pub/sub puts in the {@code data}
 * field of a Redis stream entry, so a service behind a Dapr sidecar can subscribe to our topics as they are.
 *
 * <pre>
 * {"specversion":"1.0", "id":"…", "source":"ficus-sync", "type":"dev.ficus.product.changed",
 *  "time":"2026-11-25T10:00:00.123Z", "datacontenttype":"application/json", "subject":"product/42",
 *  "topic":"migration.product.changed",
 *  "data":{"op":"upsert", "entity_type":"product", "magento_id":42, "id":"…uuid…", "record":{…},
 *          "source":{"file":"mysql-bin.000003", "pos":1234, "event":2, "row":0, "gtid":"0-1-77", "ts_ms":…, "snapshot":false}}}
 * </pre>
 *
 * {@code time} is the commit time in Magento's database; {@code id} is {@link ChangeEvent#eventId()}, stable across
 * re-sends. Dead letters use type {@value #DEAD_LETTER_TYPE}.
 *
 * <p>The end of the initial snapshot on a topic ({@link SnapshotMark}) is an entry of its own on that topic, of type
 * {@value #SNAPSHOT_MARK_TYPE}, not an entity's change:
 * <pre>
 * {"specversion":"1.0", "id":"…", "source":"ficus-sync", "type":"dev.ficus.snapshot.completed",
 *  "time":"…", "datacontenttype":"application/json", "subject":"snapshot/migration.product.changed",
 *  "topic":"migration.product.changed",
 *  "data":{"mark":"snapshot_completed", "topic":"migration.product.changed", "source":{"file":…, "pos":…, …}}}
 * </pre>
 * A consumer tells it from a change by {@code type} ({@link #isSnapshotMark}); {@link #decode} refuses it.
 *
 * <p>The codec has a mapper of its own rather than Ficus's shared one, so that this contract needs nothing but
 * Jackson: a consumer written outside Ficus can take this module alone.
 */
public final class CloudEventCodec {
    public static final String SPEC_VERSION = "1.0";
    public static final String TYPE_PREFIX = "dev.ficus.";
    public static final String DEAD_LETTER_TYPE = "dev.ficus.dead_letter";
    public static final String SNAPSHOT_MARK_TYPE = "dev.ficus.snapshot.completed";
    private static final String SNAPSHOT_MARK_TYPE_FIELD = "\"type\":\"" + SNAPSHOT_MARK_TYPE + "\"";

    /**
     * Configured as Ficus's shared mapper is, so an event's bytes do not depend on which one wrote them. Decimals in
     * a record are read exactly, digits and places as the sync wrote them (a double would turn Magento's
     * decimal(20,6) {@code 99999999999999.999999} into 1e14, and stripping zeros would make {@code 3.000000} an int).
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private CloudEventCodec() {
    }

    public static String encode(ChangeEvent event, String sourceName) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("op", event.op().code());
        data.put("entity_type", event.entityType().code());
        data.put("magento_id", event.magentoId());
        data.put("id", event.id().toString());
        data.set("record", event.record());
        data.set("source", position(event.source()));
        return envelope(event.eventId(), sourceName, TYPE_PREFIX + event.entityType().code() + ".changed",
                event.source().tsMs(), event.subject(), event.topic(), data);
    }

    public static ChangeEvent decode(String json) {
        JsonNode ce = read(json);
        if (SNAPSHOT_MARK_TYPE.equals(ce.path("type").asText())) {
            throw new IllegalArgumentException("a snapshot mark (" + SNAPSHOT_MARK_TYPE + "), not a change: "
                    + "check isSnapshotMark first");
        }
        JsonNode data = data(ce);
        return new ChangeEvent(
                Op.fromCode(text(data, "op")),
                EntityType.fromCode(text(data, "entity_type")),
                data.path("magento_id").asLong(),
                UUID.fromString(text(data, "id")),
                data.path("record").isObject() ? (ObjectNode) data.get("record") : MAPPER.createObjectNode(),
                position(data.path("source")));
    }

    public static String encode(DeadLetter letter, String sourceName) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("table", letter.table());
        data.set("key", keyNode(letter.key()));
        if (letter.entityType() != null) {
            data.put("entity_type", letter.entityType().code());
        }
        if (letter.magentoId() != null) {
            data.put("magento_id", letter.magentoId());
        }
        if (letter.topic() != null) {
            data.put("topic", letter.topic());
        }
        data.set("source", position(letter.source()));
        data.put("error", letter.error());
        data.put("attempts", letter.attempts());
        data.put("failed_at", letter.failedAt().toString());
        String id = UUID.nameUUIDFromBytes((letter.table() + letter.key() + letter.source() + letter.failedAt())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return envelope(id, sourceName, DEAD_LETTER_TYPE, letter.failedAt().toEpochMilli(), letter.subject(),
                Topics.DLQ, data);
    }

    public static DeadLetter decodeDeadLetter(String json) {
        JsonNode data = data(read(json));
        return new DeadLetter(
                text(data, "table"),
                write(data.path("key")),
                data.hasNonNull("entity_type") ? EntityType.fromCode(data.get("entity_type").asText()) : null,
                data.hasNonNull("magento_id") ? data.get("magento_id").asLong() : null,
                data.hasNonNull("topic") ? data.get("topic").asText() : null,
                position(data.path("source")),
                text(data, "error"),
                data.path("attempts").asInt(),
                Instant.parse(text(data, "failed_at")));
    }

    public static String encode(SnapshotMark mark, String sourceName) {
        ObjectNode data = MAPPER.createObjectNode();
        data.put("mark", "snapshot_completed");
        data.put("topic", mark.topic());
        data.set("source", position(mark.source()));
        return envelope(mark.eventId(), sourceName, SNAPSHOT_MARK_TYPE, mark.at().toEpochMilli(), mark.subject(),
                mark.topic(), data);
    }

    /**
     * True when the entry is a {@link SnapshotMark}. Cheap for the changes, the entries that matter for speed: only
     * an entry whose text holds {@code "type":"dev.ficus.snapshot.completed"} is parsed to look at its own
     * {@code type}. No text value of a record can hold that (quotes inside a JSON string are escaped); a record's
     * nested member named {@code type} could, and the parse rules it out.
     */
    public static boolean isSnapshotMark(String json) {
        if (json == null || !json.contains(SNAPSHOT_MARK_TYPE_FIELD)) {
            return false;
        }
        try {
            return SNAPSHOT_MARK_TYPE.equals(read(json).path("type").asText());
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static SnapshotMark decodeSnapshotMark(String json) {
        JsonNode ce = read(json);
        JsonNode data = data(ce);
        return new SnapshotMark(text(data, "topic"), position(data.path("source")),
                Instant.parse(text(ce, "time")));
    }

    /** The CloudEvent {@code type} of an encoded event, to tell events from dead letters without decoding both. */
    public static String type(String json) {
        return read(json).path("type").asText();
    }

    private static String envelope(String id, String sourceName, String type, long timeMs, String subject,
                                   String topic, ObjectNode data) {
        ObjectNode ce = MAPPER.createObjectNode();
        ce.put("specversion", SPEC_VERSION);
        ce.put("id", id);
        ce.put("source", sourceName);
        ce.put("type", type);
        ce.put("time", Instant.ofEpochMilli(timeMs).toString());
        ce.put("datacontenttype", "application/json");
        ce.put("subject", subject);
        if (topic != null) {
            ce.put("topic", topic);
        }
        ce.set("data", data);
        return write(ce);
    }

    private static JsonNode data(JsonNode ce) {
        if (!SPEC_VERSION.equals(ce.path("specversion").asText())) {
            throw new IllegalArgumentException("not a CloudEvents 1.0 event: specversion is '"
                    + ce.path("specversion").asText() + "'");
        }
        JsonNode data = ce.get("data");
        if (data == null || !data.isObject()) {
            throw new IllegalArgumentException("CloudEvent " + ce.path("id").asText() + " has no JSON object in data");
        }
        return data;
    }

    private static ObjectNode position(SourcePosition p) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("file", p.file());
        n.put("pos", p.pos());
        n.put("event", p.event());
        n.put("row", p.row());
        if (p.gtid() != null) {
            n.put("gtid", p.gtid());
        }
        n.put("ts_ms", p.tsMs());
        n.put("snapshot", p.snapshot());
        return n;
    }

    private static SourcePosition position(JsonNode n) {
        return new SourcePosition(n.path("file").asText(""), n.path("pos").asLong(), n.path("event").asLong(),
                n.path("row").asLong(),
                n.hasNonNull("gtid") ? n.get("gtid").asText() : null, n.path("ts_ms").asLong(),
                n.path("snapshot").asBoolean());
    }

    private static JsonNode keyNode(String key) {
        try {
            return read(key);
        } catch (RuntimeException e) {
            return MAPPER.getNodeFactory().textNode(key);
        }
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("event data lacks '" + field + "'");
        }
        return v.asText();
    }
}
