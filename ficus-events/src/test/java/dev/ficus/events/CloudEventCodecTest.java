package dev.ficus.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CloudEventCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SourcePosition position = new SourcePosition("mysql-bin.000003", 1234, 2, 1, "0-1-77",
            1_764_000_000_123L, false);

    @Test
    void writesACloudEventThatReadsBackToTheSameEvent() throws Exception {
        ObjectNode record = JSON.createObjectNode().put("sku", "MH01").put("price", "34.000000");
        ChangeEvent event = new ChangeEvent(Op.UPSERT, EntityType.PRODUCT, 42, UUID.randomUUID(), record, position);

        String json = CloudEventCodec.encode(event, "ficus-sync");
        JsonNode ce = JSON.readTree(json);

        assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
        assertThat(ce.path("type").asText()).isEqualTo("dev.ficus.product.changed");
        assertThat(ce.path("source").asText()).isEqualTo("ficus-sync");
        assertThat(ce.path("subject").asText()).isEqualTo("product/42");
        assertThat(ce.path("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(ce.path("time").asText()).isEqualTo("2025-11-24T16:00:00.123Z");
        assertThat(ce.path("id").asText()).isEqualTo(event.eventId());
        assertThat(ce.path("data").path("op").asText()).isEqualTo("upsert");
        assertThat(ce.path("data").path("source").path("gtid").asText()).isEqualTo("0-1-77");
        assertThat(CloudEventCodec.decode(json)).isEqualTo(event);
    }

    /** Magento's decimal(20,6) values keep every digit and place: no double, no stripped zeros (issue 17 point 2). */
    @Test
    void decimalsReadBackWithTheDigitsTheyWereWrittenWith() {
        ObjectNode record = JSON.createObjectNode().put("entity_id", 7);
        record.putObject("attributes").put("max", new java.math.BigDecimal("99999999999999.999999"))
                .put("weight", new java.math.BigDecimal("3.000000")).put("tiny", new java.math.BigDecimal("0.000001"));
        ChangeEvent event = new ChangeEvent(Op.UPSERT, EntityType.PRODUCT, 7, UUID.randomUUID(), record, position);

        JsonNode attributes = CloudEventCodec.decode(CloudEventCodec.encode(event, "ficus-sync")).record()
                .path("attributes");

        assertThat(attributes.get("max").decimalValue()).isEqualTo(new java.math.BigDecimal("99999999999999.999999"));
        assertThat(attributes.get("weight").decimalValue()).isEqualTo(new java.math.BigDecimal("3.000000"));
        assertThat(attributes.get("weight").isIntegralNumber()).isFalse();
        assertThat(attributes.get("tiny").toString()).isEqualTo("0.000001");
    }

    @Test
    void theSameChangeKeepsItsIdWhenSentAgain() {
        UUID id = UUID.randomUUID();
        ChangeEvent a = new ChangeEvent(Op.DELETE, EntityType.ORDER, 7, id, JSON.createObjectNode(), position);
        ChangeEvent b = new ChangeEvent(Op.DELETE, EntityType.ORDER, 7, id, JSON.createObjectNode().put("x", 1), position);
        assertThat(a.eventId()).isEqualTo(b.eventId());
        assertThat(a.eventId()).isNotEqualTo(new ChangeEvent(Op.UPSERT, EntityType.ORDER, 7, id, JSON.createObjectNode(),
                position).eventId());
    }

    @Test
    void deadLettersRoundTrip() throws Exception {
        DeadLetter letter = new DeadLetter("catalog_product_entity_varchar", "{\"entity_id\":5}", EntityType.PRODUCT,
                5L, Topics.PRODUCT, position, "IllegalStateException: unknown attribute 999", 3,
                Instant.parse("2026-11-25T10:00:00Z"));
        String json = CloudEventCodec.encode(letter, "ficus-sync");
        assertThat(CloudEventCodec.type(json)).isEqualTo(CloudEventCodec.DEAD_LETTER_TYPE);
        assertThat(JSON.readTree(json).path("topic").asText()).isEqualTo(Topics.DLQ);
        assertThat(CloudEventCodec.decodeDeadLetter(json)).isEqualTo(letter);
    }

    @Test
    void refusesSomethingThatIsNotACloudEvent() {
        assertThatThrownBy(() -> CloudEventCodec.decode("{\"op\":\"upsert\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("specversion");
    }

    @Test
    void aSnapshotMarkIsACloudEventOfItsOwnTypeThatIsNoChange() throws Exception {
        SnapshotMark mark = new SnapshotMark(Topics.PRODUCT, position, Instant.parse("2026-12-06T08:00:00Z"));
        String json = CloudEventCodec.encode(mark, "ficus-sync");
        JsonNode ce = JSON.readTree(json);

        assertThat(ce.path("specversion").asText()).isEqualTo("1.0");
        assertThat(ce.path("type").asText()).isEqualTo("dev.ficus.snapshot.completed");
        assertThat(ce.path("subject").asText()).isEqualTo("snapshot/migration.product.changed");
        assertThat(ce.path("topic").asText()).isEqualTo(Topics.PRODUCT);
        assertThat(ce.path("data").path("mark").asText()).isEqualTo("snapshot_completed");
        assertThat(CloudEventCodec.isSnapshotMark(json)).isTrue();
        assertThat(CloudEventCodec.decodeSnapshotMark(json)).isEqualTo(mark);
        assertThatThrownBy(() -> CloudEventCodec.decode(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("snapshot mark");
        assertThat(new SnapshotMark(Topics.PRODUCT, position, Instant.now()).eventId())
                .as("the same snapshot end keeps its id").isEqualTo(mark.eventId());
    }

    @Test
    void aChangeIsNeverTakenForASnapshotMarkWhateverItsRecordHolds() {
        ObjectNode record = JSON.createObjectNode().put("description", "\"type\":\"dev.ficus.snapshot.completed\"");
        record.putObject("nested").put("type", "dev.ficus.snapshot.completed");
        ChangeEvent event = new ChangeEvent(Op.UPSERT, EntityType.PRODUCT, 9, UUID.randomUUID(), record, position);
        String json = CloudEventCodec.encode(event, "ficus-sync");
        assertThat(json).contains("\"type\":\"dev.ficus.snapshot.completed\"");
        assertThat(CloudEventCodec.isSnapshotMark(json)).isFalse();
        assertThat(CloudEventCodec.isSnapshotMark("not json \"type\":\"dev.ficus.snapshot.completed\"")).isFalse();
        assertThat(CloudEventCodec.decode(json)).isEqualTo(event);
    }
}
