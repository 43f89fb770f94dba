package dev.ficus.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares two JSON documents field by field: objects key by key, arrays element by element, numbers by value (a
 * jsonb column and the sync's record may spell one number differently: {@code 5} as an int or a long), everything
 * else exactly. The result names every leaf that differs, with both values.
 */
public final class JsonDiff {
    private JsonDiff() {
    }

    public static List<FieldDiff> diff(JsonNode expected, JsonNode actual) {
        List<FieldDiff> out = new ArrayList<>();
        walk("", expected, actual, out);
        return out;
    }

    private static void walk(String path, JsonNode expected, JsonNode actual, List<FieldDiff> out) {
        if (expected == null || actual == null) {
            if (expected != actual) {
                out.add(new FieldDiff(name(path), show(expected), show(actual)));
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> keys = new LinkedHashSet<>();
            expected.fieldNames().forEachRemaining(keys::add);
            actual.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                walk(path.isEmpty() ? k : path + "." + k, expected.get(k), actual.get(k), out);
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            int n = Math.max(expected.size(), actual.size());
            for (int i = 0; i < n; i++) {
                walk(path + "[" + i + "]", expected.get(i), actual.get(i), out);
            }
            return;
        }
        if (!same(expected, actual)) {
            out.add(new FieldDiff(name(path), show(expected), show(actual)));
        }
    }

    static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() && b.isIntegralNumber()) {
                return a.bigIntegerValue().equals(b.bigIntegerValue());
            }
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return a.equals(b);
    }

    private static String name(String path) {
        return path.isEmpty() ? "(record)" : path;
    }

    /** A value as the report shows it: text as is, anything else as JSON; {@code null} for an absent field. */
    static String show(JsonNode v) {
        if (v == null || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        String json = v.toString();
        return json.length() > 200 ? json.substring(0, 197) + "..." : json;
    }
}
