package dev.ficus.sync.cascade;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Column values as one text key, the same whether they come from Debezium's row images or from a JDBC read (an int
 * column is an Integer in one and a Long in the other; both give {@code 7}).
 */
final class Keys {
    private static final char SEPARATOR = '\u001f';

    private Keys() {
    }

    /** The values of {@code columns} in {@code row} as one key; {@code null} when the row or any value is missing. */
    static String of(Map<String, Object> row, List<String> columns) {
        if (row == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Object v = row.get(columns.get(i));
            if (v == null) {
                return null;
            }
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            sb.append(text(v));
        }
        return sb.toString();
    }

    /** Like {@link #of}, with NULL as an empty value instead of no key: a row without a primary key is all its values. */
    static String allOf(Map<String, Object> row, List<String> columns) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                sb.append(SEPARATOR);
            }
            Object v = row.get(columns.get(i));
            sb.append(v == null ? "" : text(v));
        }
        return sb.toString();
    }

    static String text(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return Long.toString(((Number) v).longValue());
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return v.toString();
    }
}
