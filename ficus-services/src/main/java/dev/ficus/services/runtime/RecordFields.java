package dev.ficus.services.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Reads the fields of a sync record that read models copy into their own columns. A field the model cannot do
 * without ({@link #requiredText}) fails the event, which then counts as a failed attempt.
 */
public final class RecordFields {
    /** Magento's {@code 2026-11-25 10:00:00} (TIMESTAMP columns hold UTC), with optional fractions. */
    private static final DateTimeFormatter MAGENTO_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private RecordFields() {
    }

    public static String requiredText(ObjectNode record, String field) {
        JsonNode v = record.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("record has no '" + field + "'");
        }
        return v.asText();
    }

    public static String text(ObjectNode record, String field) {
        JsonNode v = record.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    public static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** A whole number field; a field that is there but not a whole number fails the event. */
    public static void setLong(PreparedStatement ps, int index, ObjectNode record, String field) throws SQLException {
        JsonNode v = record.get(field);
        if (v == null || v.isNull()) {
            ps.setNull(index, Types.BIGINT);
        } else if (v.canConvertToExactIntegral() || v.isTextual() && v.asText().matches("-?\\d+")) {
            ps.setLong(index, v.asLong());
        } else {
            throw new IllegalArgumentException("record field '" + field + "' is not a whole number: " + v);
        }
    }

    /** A Magento date-time field as a UTC timestamp; a field that is there but unreadable fails the event. */
    public static void setTimestamp(PreparedStatement ps, int index, ObjectNode record, String field)
            throws SQLException {
        String v = text(record, field);
        if (v == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            return;
        }
        try {
            LocalDateTime t = LocalDateTime.parse(v, MAGENTO_TIME);
            ps.setObject(index, t.atOffset(ZoneOffset.UTC));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("record field '" + field + "' is not a date-time: '" + v + "'");
        }
    }
}
