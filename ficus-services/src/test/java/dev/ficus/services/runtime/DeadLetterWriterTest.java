package dev.ficus.services.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.json.Json;
import dev.ficus.core.stream.StreamRecord;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.CloudEventCodec;
import dev.ficus.events.DeadLetter;
import dev.ficus.events.EntityType;
import dev.ficus.events.Topics;
import dev.ficus.services.testing.TestEvents;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterWriterTest {
    @Test
    void aConsumersDeadLetterIsCoresDeadLetterCarryingTheEventForReplay() {
        ChangeEvent event = TestEvents.upsert(EntityType.PRODUCT, 42, Json.object().put("sku", "x"),
                TestEvents.at(7));
        String payload = CloudEventCodec.encode(event, "test");
        FailedDelivery f = new FailedDelivery(new Delivery(new StreamRecord(Topics.PRODUCT, "1-0", payload), true),
                event, 5, "IllegalStateException: boom");
        String json = DeadLetterWriter.encode("catalog", f, Instant.parse("2026-11-25T10:00:00Z"));

        assertThat(CloudEventCodec.type(json)).isEqualTo(CloudEventCodec.DEAD_LETTER_TYPE);
        DeadLetter letter = CloudEventCodec.decodeDeadLetter(json);
        assertThat(letter.subject()).isEqualTo("product/42");
        assertThat(letter.topic()).isEqualTo(Topics.PRODUCT);
        assertThat(letter.attempts()).isEqualTo(5);
        assertThat(letter.error()).isEqualTo("IllegalStateException: boom");
        assertThat(letter.source()).isEqualTo(event.source());
        var data = Json.read(json).path("data");
        assertThat(data.path("event").asText()).isEqualTo(payload);
        assertThat(data.path("group").asText()).isEqualTo("catalog");
        assertThat(data.path("stream_id").asText()).isEqualTo("1-0");
    }

    @Test
    void anUndecodableEntryStillMakesALetter() {
        FailedDelivery f = new FailedDelivery(new Delivery(new StreamRecord(Topics.STOCK, "2-0", "not json"), true),
                null, 3, "undecodable entry");
        DeadLetter letter = CloudEventCodec.decodeDeadLetter(DeadLetterWriter.encode("inventory", f, Instant.now()));
        assertThat(letter.entityType()).isNull();
        assertThat(letter.topic()).isEqualTo(Topics.STOCK);
        assertThat(letter.key()).isEqualTo("{\"stream_id\":\"2-0\"}");
    }
}
