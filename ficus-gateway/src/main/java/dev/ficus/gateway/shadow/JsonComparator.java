package dev.ficus.gateway.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares Magento's JSON with a service's. Ignored fields are names (ignored at any depth, such as
 * {@code updated_at}) or dotted paths from the root, without array indices (such as
 * {@code extension_attributes.stock_item.low_stock_date}). Numbers compare by value ({@code 5} equals {@code 5.0});
 * a number never equals a string, because Magento's types are part of its contract.
 */
public final class JsonComparator {
    private final Set<String> names = new HashSet<>();
    private final Set<String> paths = new HashSet<>();

    public JsonComparator(List<String> ignore) {
        for (String field : ignore) {
            String f = field.strip();
            if (f.contains(".")) {
                paths.add(f);
            } else if (!f.isEmpty()) {
                names.add(f);
            }
        }
    }

    /** The differences as {@code $.path: magento=… service=…}, at most {@code max} of them. */
    public List<String> differences(JsonNode magento, JsonNode service, int max) {
        List<String> out = new ArrayList<>();
        compare("$", "", magento, service, out, max);
        return out;
    }

    private void compare(String where, String dotted, JsonNode a, JsonNode b, List<String> out, int max) {
        if (out.size() >= max) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                String childDotted = dotted.isEmpty() ? k : dotted + "." + k;
                if (names.contains(k) || paths.contains(childDotted)) {
                    continue;
                }
                JsonNode x = a.get(k);
                JsonNode y = b.get(k);
                String child = where + "." + k;
                if (x == null || y == null) {
                    add(out, max, child + ": " + (x == null ? "missing in Magento's answer" : "missing in the service's answer"));
                } else {
                    compare(child, childDotted, x, y, out, max);
                }
            }
            return;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                add(out, max, where + ": magento has " + a.size() + " items, service has " + b.size());
            }
            Iterator<JsonNode> x = a.elements();
            Iterator<JsonNode> y = b.elements();
            for (int i = 0; x.hasNext() && y.hasNext(); i++) {
                compare(where + "[" + i + "]", dotted, x.next(), y.next(), out, max);
            }
            return;
        }
        if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                add(out, max, where + ": magento=" + a + " service=" + b);
            }
            return;
        }
        if (!a.equals(b)) {
            add(out, max, where + ": magento=" + abbreviate(a) + " service=" + abbreviate(b));
        }
    }

    private static void add(List<String> out, int max, String difference) {
        if (out.size() < max) {
            out.add(difference);
        }
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 117) + "..." : s;
    }
}
