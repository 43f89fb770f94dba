package dev.ficus.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One read model row: its UUID column ({@code null} for tables keyed by the Magento id alone), the columns copied
 * out of the record (as text; timestamps as {@code YYYY-MM-DD HH:MM:SS} in UTC, as the record writes them) and the
 * record.
 */
record PlatformRow(long key, String id, Map<String, String> columns, JsonNode record) {
}
