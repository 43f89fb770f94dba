package dev.ficus.magento.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.ficus.core.json.Json;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * How Magento's REST layer writes values, so that every Ficus component that imitates it writes the same bytes:
 * floats as PHP's json_encode writes them (no trailing zeros, no exponent: 34, 9.99), dates as
 * {@code YYYY-MM-DD HH:MM:SS} in UTC, EAV values in custom_attributes as the database's own text, strings escaped
 * as json_encode escapes them. Write nodes with {@link #write}, not with a plain ObjectMapper, to get those bytes.
 */
public final class MagentoJson {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = Json.mapper().writer()
            .with(new PhpJsonEscapes());

    private MagentoJson() {
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** The JSON text Magento would send for this node, string escapes included (see {@link PhpJsonEscapes}). */
    public static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Any value (a token string, {@code true}, an item id) as Magento's renderer prints it. */
    public static String write(Object value) {
        return write(Json.mapper().valueToTree(value));
    }

    /** A float field: integral values without a fraction, others in plain notation (never 1.0E7). */
    public static void putFloat(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.putRawValue(field, new RawValue(floatText(value)));
        }
    }

    public static void addFloat(ArrayNode node, BigDecimal value) {
        node.addRawValue(new RawValue(floatText(value)));
    }

    public static String floatText(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.signum() == 0) {
            return "0";
        }
        return stripped.scale() <= 0 ? stripped.toBigInteger().toString() : stripped.toPlainString();
    }

    /** Any numeric-looking value as a BigDecimal; null stays null. */
    public static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof Number n) {
            return n instanceof Double || n instanceof Float ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.valueOf(n.longValue());
        }
        if (value instanceof Boolean b) {
            return b ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        return new BigDecimal(value.toString().trim());
    }

    public static Long integer(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        return new BigDecimal(value.toString().trim()).longValue();
    }

    public static boolean bool(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        String s = value.toString().trim();
        return !(s.isEmpty() || s.equals("0") || s.equalsIgnoreCase("false"));
    }

    /** A date-time as Magento prints it: UTC, {@code YYYY-MM-DD HH:MM:SS}. Strings are taken as already printed. */
    public static String dateTime(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return DATE_TIME.format(t.toLocalDateTime());
        }
        if (value instanceof Instant i) {
            return DATE_TIME.format(i.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof LocalDateTime || value instanceof java.time.OffsetDateTime) {
            return DATE_TIME.format((TemporalAccessor) value);
        }
        if (value instanceof LocalDate d) {
            return DATE_TIME.format(d.atStartOfDay());
        }
        String s = value.toString();
        return s.length() > 19 ? s.substring(0, 19).replace('T', ' ') : s.replace('T', ' ');
    }

    /** A date (customer dob): {@code YYYY-MM-DD}. */
    public static String date(Object value) {
        if (value == null) {
            return null;
        }
        String s = value instanceof java.sql.Date d ? d.toLocalDate().toString() : value.toString();
        return s.length() > 10 ? s.substring(0, 10) : s;
    }

    /**
     * An EAV value as Magento returns it in custom_attributes: the text MySQL gives for the column, i.e. decimals
     * with the column's six fraction digits ("9.990000"), datetimes as "YYYY-MM-DD HH:MM:SS", ints as digits.
     */
    public static String eavText(String backendType, Object value) {
        if (value == null) {
            return null;
        }
        return switch (backendType) {
            case "decimal" -> decimal(value).setScale(6, java.math.RoundingMode.HALF_UP).toPlainString();
            case "datetime" -> dateTime(value);
            case "int" -> String.valueOf(integer(value));
            default -> value.toString();
        };
    }

    public static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    public static void putIfPresent(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    public static void putIfPresent(ObjectNode node, String field, BigDecimal value) {
        if (value != null) {
            putFloat(node, field, value);
        }
    }
}
