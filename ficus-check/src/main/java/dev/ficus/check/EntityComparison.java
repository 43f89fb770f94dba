package dev.ficus.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares what one entity should be on the platform (the sync's record of Magento's state, with the id map's UUID)
 * with the read model's row: the UUID column, each column the service copies out of the record, then the record
 * field by field. Lag is the platform's {@code updated_at} minus Magento's.
 */
final class EntityComparison {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private EntityComparison() {
    }

    /**
     * @param expected     the record Magento's state gives, {@code null} when Magento has no such entity
     * @param expectedUuid the id map's UUID of the entity, {@code null} when the map has none
     * @param row          the read model's row, {@code null} when it has none
     * @return the result, or {@code null} when neither side has the entity
     */
    static EntityResult compare(Target t, long magentoId, ObjectNode expected, String expectedUuid, PlatformRow row,
                                Instant now) {
        if (expected == null && row == null) {
            return null;
        }
        Double since = expected == null ? null : secondsBetween(text(expected, "updated_at"), now);
        if (expected == null) {
            return new EntityResult(t, magentoId, EntityResult.Status.EXTRA, List.of(), null, null, false);
        }
        if (row == null) {
            return new EntityResult(t, magentoId, EntityResult.Status.MISSING, List.of(), null, since, false);
        }
        List<FieldDiff> diffs = new ArrayList<>();
        if (t.hasUuid() && !Objects.equals(expectedUuid, row.id())) {
            diffs.add(new FieldDiff("column id", expectedUuid, row.id()));
        }
        for (String col : t.columns()) {
            String want = text(expected, col);
            String have = row.columns().get(col);
            if (!Objects.equals(want, have)) {
                diffs.add(new FieldDiff("column " + col, want, have));
            }
        }
        diffs.addAll(JsonDiff.diff(expected, row.record()));
        Double lag = t.hasUpdatedAt() ? lag(text(expected, "updated_at"), row.columns().get("updated_at")) : null;
        return new EntityResult(t, magentoId, diffs.isEmpty() ? EntityResult.Status.MATCH
                : EntityResult.Status.DIFFERENT, List.copyOf(diffs), lag, since, false);
    }

    private static String text(JsonNode record, String field) {
        JsonNode v = record.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Platform minus Magento, in seconds; {@code null} when either is missing or unreadable. */
    static Double lag(String magento, String platform) {
        Instant m = instant(magento);
        Instant p = instant(platform);
        return m == null || p == null ? null : (p.toEpochMilli() - m.toEpochMilli()) / 1000.0;
    }

    private static Double secondsBetween(String magento, Instant now) {
        Instant m = instant(magento);
        return m == null ? null : (now.toEpochMilli() - m.toEpochMilli()) / 1000.0;
    }

    private static Instant instant(String utc) {
        if (utc == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(utc, TS).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
