package dev.ficus.services.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.json.Json;
import dev.ficus.core.stream.StreamRecord;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.CloudEventCodec;
import dev.ficus.events.EntityType;
import dev.ficus.events.Topics;
import dev.ficus.services.runtime.DeadLetterWriter;
import dev.ficus.services.runtime.Delivery;
import dev.ficus.services.runtime.FailedDelivery;
import dev.ficus.services.testing.TestEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DlqReportTest {
    private static DeadLetterEntry letter() {
        ChangeEvent event = TestEvents.upsert(EntityType.PRODUCT, 42, Json.object().put("sku", "x"), TestEvents.at(7));
        String payload = CloudEventCodec.encode(event, "test");
        String raw = DeadLetterWriter.encode("catalog", new FailedDelivery(
                new Delivery(new StreamRecord(Topics.PRODUCT, "5-0", payload), true), event, 5, "boom"),
                Instant.parse("2026-11-25T10:00:00Z"));
        return DeadLetterEntry.parse("1700000000000-0", raw, null);
    }

    @Test
    void aConsumersLetterReadsBackWithItsEvent() {
        DeadLetterEntry e = letter();
        assertThat(e.origin()).isEqualTo("catalog");
        assertThat(e.subject()).isEqualTo("product/42");
        assertThat(e.topic()).isEqualTo(Topics.PRODUCT);
        assertThat(e.attempts()).isEqualTo(5);
        assertThat(e.failedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(e.replayable()).isTrue();
        assertThat(CloudEventCodec.decode(e.event()).magentoId()).isEqualTo(42);
    }

    @Test
    void listAndShowPrintWhatAPersonNeeds() {
        String table = DlqReport.table(List.of(letter()));
        assertThat(table).contains("1700000000000-0", "catalog", "migration.product.changed", "product/42", "boom",
                "1 dead letter");
        String detail = DlqReport.detail(letter());
        assertThat(Json.read(detail).path("letter").path("data").path("event").path("data").path("magento_id")
                .asLong()).isEqualTo(42);
        assertThat(DeadLetterEntry.parse("1-0", "not json", null).error()).startsWith("unreadable dead letter");
    }
}
