package dev.ficus.services.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.core.json.Json;
import dev.ficus.events.EntityType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTableTest {
    private static final EntityTable ORDERS = new EntityTable("orders", EntityType.ORDER, "magento_id",
            List.of(EntityTable.Column.platformId("id"), EntityTable.Column.text("increment_id"),
                    EntityTable.Column.whole("customer_id")),
            record -> "{\"increment_id\":\"" + record.path("increment_id").asText() + "\"}", 3);

    @Test
    void theUpsertReplacesEveryDeclaredColumnTheRecordAndItsAnswer() {
        assertThat(ORDERS.upsertSql()).isEqualTo("INSERT INTO orders (magento_id, id, increment_id, customer_id, "
                + "record, answer, renderer) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?) ON CONFLICT (magento_id) DO UPDATE "
                + "SET id = EXCLUDED.id, increment_id = EXCLUDED.increment_id, customer_id = EXCLUDED.customer_id, "
                + "record = EXCLUDED.record, answer = EXCLUDED.answer, renderer = EXCLUDED.renderer");
    }

    @Test
    void theStoredAnswerIsTheRenderersTextInUtf8() {
        byte[] answer = ORDERS.rendered(Json.read("{\"increment_id\":\"000000007-é\"}"));
        assertThat(new String(answer, StandardCharsets.UTF_8)).isEqualTo("{\"increment_id\":\"000000007-é\"}");
    }
}
