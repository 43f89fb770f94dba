package dev.ficus.services.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stored records (jsonb) as the column maps the stand-in's JSON builders take. */
public final class Records {
    private Records() {
    }

    /** The record's fields as plain Java values, without the nested arrays and objects named in {@code except}. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> columns(JsonNode node, String... except) {
        Map<String, Object> map = Json.mapper().convertValue(node, LinkedHashMap.class);
        for (String e : except) {
            map.remove(e);
        }
        return map;
    }

    public static List<Map<String, Object>> rows(JsonNode array) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(columns(n)));
        }
        return out;
    }
}
