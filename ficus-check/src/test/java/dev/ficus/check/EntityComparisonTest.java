package dev.ficus.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntityComparisonTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:01:00Z");
    private static final String UUID = "4f9c1e0a-0000-4000-8000-000000000001";

    private static ObjectNode record(String name, String updatedAt) {
        return (ObjectNode) Json.read("{\"entity_id\":7,\"sku\":\"s\",\"type_id\":\"simple\",\"attribute_set_id\":4,"
                + "\"created_at\":\"2025-12-31 00:00:00\",\"updated_at\":\"" + updatedAt + "\","
                + "\"attributes\":{\"name\":\"" + name + "\"}}");
    }

    private static PlatformRow row(String id, ObjectNode record) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String c : Target.PRODUCTS.columns()) {
            columns.put(c, record.get(c).asText());
        }
        return new PlatformRow(7, id, columns, record);
    }

    @Test
    void theSameRecordUuidAndColumnsMatch() {
        ObjectNode r = record("Shirt", "2026-01-01 00:00:00");
        EntityResult result = EntityComparison.compare(Target.PRODUCTS, 7, r, UUID, row(UUID, r.deepCopy()), NOW);
        assertThat(result.status()).isEqualTo(EntityResult.Status.MATCH);
        assertThat(result.lagSeconds()).isZero();
        assertThat(result.sinceChange()).isEqualTo(60.0);
    }

    @Test
    void anOlderPlatformRecordDiffersWithItsLag() {
        EntityResult result = EntityComparison.compare(Target.PRODUCTS, 7, record("New", "2026-01-01 00:00:30"), UUID,
                row(UUID, record("Old", "2026-01-01 00:00:00")), NOW);
        assertThat(result.status()).isEqualTo(EntityResult.Status.DIFFERENT);
        assertThat(result.lagSeconds()).isEqualTo(-30.0);
        assertThat(result.diffs()).containsExactly(
                new FieldDiff("column updated_at", "2026-01-01 00:00:30", "2026-01-01 00:00:00"),
                new FieldDiff("updated_at", "2026-01-01 00:00:30", "2026-01-01 00:00:00"),
                new FieldDiff("attributes.name", "New", "Old"));
    }

    @Test
    void aUuidOtherThanTheIdMapsIsADifference() {
        ObjectNode r = record("Shirt", "2026-01-01 00:00:00");
        EntityResult result = EntityComparison.compare(Target.PRODUCTS, 7, r, UUID, row("another", r.deepCopy()), NOW);
        assertThat(result.diffs()).containsExactly(new FieldDiff("column id", UUID, "another"));
    }

    @Test
    void missingExtraAndNeither() {
        ObjectNode r = record("Shirt", "2026-01-01 00:00:00");
        assertThat(EntityComparison.compare(Target.PRODUCTS, 7, r, UUID, null, NOW).status())
                .isEqualTo(EntityResult.Status.MISSING);
        assertThat(EntityComparison.compare(Target.PRODUCTS, 7, null, UUID, row(UUID, r), NOW).status())
                .isEqualTo(EntityResult.Status.EXTRA);
        assertThat(EntityComparison.compare(Target.PRODUCTS, 7, null, null, null, NOW)).isNull();
    }
}
