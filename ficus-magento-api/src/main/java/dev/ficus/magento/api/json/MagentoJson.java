package dev.ficus.magento.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.ficus.core.json.Json;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * How Magento's REST layer writes values, so that every Ficus component that imitates it writes the same bytes:
 * floats as PHP's json_encode writes a double (34, 9.99, 100000000000000, 1.0e-6: see {@link #floatText}), dates as
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

    /** A field whose getter returns float, printed as {@link #floatText} says. */
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

    /**
     * The text Magento's REST answer holds for a value whose getter returns float. The output processor casts the
     * column's text to a PHP float (Framework/Reflection/TypeCaster.php), a double: the nearest one, so
     * 99999999999999.999999 becomes exactly 1e14. json_encode (Framework/Serialize/Serializer/Json::serialize, no
     * flags) then writes that double with serialize_precision -1, i.e. PHP's php_gcvt in mode 0: the shortest digits
     * that read back as the same double, no ".0" on whole numbers, and an exponent when the decimal point sits more
     * than 3 places left of the first digit or more than 17 right of it: 34, 9.99, 0.0001, 1.0e-5, 100000000000000,
     * 1.0e+17.
     */
    public static String floatText(BigDecimal value) {
        // Java's parser rounds to nearest as PHP's zend_strtod does (BigDecimal.doubleValue is not correctly
        // rounded on Java 17)
        double d = Double.parseDouble(value.toString());
        if (Double.isInfinite(d)) {
            // json_encode refuses INF; no decimal column Magento has is wide enough to get here
            throw new IllegalArgumentException("a float beyond a double's range: " + value);
        }
        if (d == 0) {
            return "0";
        }
        BigDecimal shortest = shortestRoundTrip(d).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        // the value is 0.<digits> × 10^decimalPoint, as PHP's zend_dtoa reports it
        int decimalPoint = digits.length() - shortest.scale();
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (decimalPoint < -3 || decimalPoint > 17) {
            int exponent = decimalPoint - 1;
            out.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.substring(1) : "0")
                    .append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        } else if (decimalPoint <= 0) {
            out.append("0.").append("0".repeat(-decimalPoint)).append(digits);
        } else if (decimalPoint >= digits.length()) {
            out.append(digits).append("0".repeat(decimalPoint - digits.length()));
        } else {
            out.append(digits, 0, decimalPoint).append('.').append(digits, decimalPoint, digits.length());
        }
        return out.toString();
    }

    /**
     * The decimal with the fewest significant digits that reads back as {@code d}, the nearest to it where several
     * have that few (what zend_dtoa's mode 0 returns). Java 17's Double.toString is not always the shortest.
     */
    private static BigDecimal shortestRoundTrip(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision < 17; precision++) {
            BigDecimal best = null;
            // the nearest candidate can miss where the double's neighbours are unevenly spaced (at a power of two),
            // so the ones on either side are tried too
            for (RoundingMode mode : List.of(RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING)) {
                BigDecimal candidate = exact.round(new MathContext(precision, mode));
                if (Double.parseDouble(candidate.toString()) == d && (best == null
                        || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
                    best = candidate;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
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
