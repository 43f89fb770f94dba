package dev.ficus.services.golden;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Compares two JSON documents as values the way a client of Magento's REST API can tell them apart: object keys
 * and their order, array order, strings after unescaping (so {@code "\/"} equals {@code "/"} and {@code "\u00e9"}
 * equals {@code "é"}), and numbers by their literal text (so {@code 5}, {@code 5.0} and {@code 5e0} all differ, as
 * they do for a PHP or JavaScript client that keeps ints and floats apart or prints what it got).
 *
 * <p>Two relaxations, each named in a {@link Rules} with its reason: arrays whose order the fixture cannot define
 * are compared as sets keyed by one field, and masked paths whose values are not compared at all.
 */
final class GoldenJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private GoldenJson() {
    }

    /** A parsed JSON value; numbers keep the text they were written with. */
    sealed interface Value permits Obj, Arr, Num, Str, Bool, Null {
    }

    record Obj(LinkedHashMap<String, Value> fields) implements Value {
    }

    record Arr(List<Value> items) implements Value {
    }

    record Num(String text) implements Value {
    }

    record Str(String text) implements Value {
    }

    record Bool(boolean value) implements Value {
    }

    enum Null implements Value {
        NULL
    }

    /** One place where the actual document is not the expected one. */
    record Difference(String path, String expected, String actual) {
        @Override
        public String toString() {
            return path + ": expected " + expected + ", got " + actual;
        }
    }

    /**
     * @param unorderedArrays path pattern → the field that identifies an element, for arrays compared as sets
     * @param masked          path pattern → why its value is not compared
     */
    record Rules(Map<Pattern, String> unorderedArrays, Map<Pattern, String> masked) {
        static Rules none() {
            return new Rules(Map.of(), Map.of());
        }

        String keyFieldAt(String path) {
            return unorderedArrays.entrySet().stream().filter(e -> e.getKey().matcher(path).matches())
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        boolean isMasked(String path) {
            return masked.keySet().stream().anyMatch(p -> p.matcher(path).matches());
        }
    }

    static Value parse(String json) {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new IllegalArgumentException("empty JSON document");
            }
            Value v = read(p, first);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("content after the JSON value at " + p.currentLocation());
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + e.getMessage(), e);
        }
    }

    private static Value read(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, Value> fields = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    Value v = read(p, p.nextToken());
                    if (fields.put(name, v) != null) {
                        // PHP's json_encode never writes a key twice; a document that does is wrong on its own
                        throw new IllegalArgumentException("duplicate key '" + name + "' at " + p.currentLocation());
                    }
                }
                return new Obj(fields);
            }
            case START_ARRAY -> {
                List<Value> items = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    items.add(read(p, e));
                }
                return new Arr(items);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                // the number as written in the document, not as a double: 1.0e-6 and 0.000001 are different answers
                return new Num(p.getText());
            }
            case VALUE_STRING -> {
                return new Str(p.getText());
            }
            case VALUE_TRUE -> {
                return new Bool(true);
            }
            case VALUE_FALSE -> {
                return new Bool(false);
            }
            case VALUE_NULL -> {
                return Null.NULL;
            }
            default -> throw new IllegalArgumentException("unexpected token " + t + " at " + p.currentLocation());
        }
    }

    static List<Difference> compare(Value expected, Value actual, Rules rules) {
        List<Difference> out = new ArrayList<>();
        compare("$", expected, actual, rules, out);
        return out;
    }

    private static void compare(String path, Value expected, Value actual, Rules rules, List<Difference> out) {
        if (rules.isMasked(path)) {
            return;
        }
        if (expected instanceof Obj e && actual instanceof Obj a) {
            compareObjects(path, e, a, rules, out);
        } else if (expected instanceof Arr e && actual instanceof Arr a) {
            String key = rules.keyFieldAt(path);
            if (key == null) {
                compareLists(path, e, a, rules, out);
            } else {
                compareSets(path, key, e, a, rules, out);
            }
        } else if (!Objects.equals(expected, actual)) {
            out.add(new Difference(path, show(expected), show(actual)));
        }
    }

    private static void compareObjects(String path, Obj e, Obj a, Rules rules, List<Difference> out) {
        for (Map.Entry<String, Value> f : e.fields().entrySet()) {
            String p = path + "." + f.getKey();
            if (!a.fields().containsKey(f.getKey())) {
                if (!rules.isMasked(p)) {
                    out.add(new Difference(p, show(f.getValue()), "no such key"));
                }
            } else {
                compare(p, f.getValue(), a.fields().get(f.getKey()), rules, out);
            }
        }
        for (Map.Entry<String, Value> f : a.fields().entrySet()) {
            String p = path + "." + f.getKey();
            if (!e.fields().containsKey(f.getKey()) && !rules.isMasked(p)) {
                out.add(new Difference(p, "no such key", show(f.getValue())));
            }
        }
        // key order: Magento prints the keys in the data interface's getter order, so it is part of the answer
        List<String> expectedOrder = e.fields().keySet().stream().filter(a.fields()::containsKey).toList();
        List<String> actualOrder = a.fields().keySet().stream().filter(e.fields()::containsKey).toList();
        if (!expectedOrder.equals(actualOrder)) {
            int at = 0;
            while (expectedOrder.get(at).equals(actualOrder.get(at))) {
                at++;
            }
            out.add(new Difference(path + " (key order from position " + at + ")", window(expectedOrder, at),
                    window(actualOrder, at)));
        }
    }

    /** The keys from the first misplaced one on, a few of them: enough to see which key moved where. */
    private static String window(List<String> keys, int from) {
        List<String> shown = keys.subList(from, Math.min(keys.size(), from + 4));
        return shown + (from + 4 < keys.size() ? "…" : "");
    }

    private static void compareLists(String path, Arr e, Arr a, Rules rules, List<Difference> out) {
        int n = Math.min(e.items().size(), a.items().size());
        for (int i = 0; i < n; i++) {
            compare(path + "[" + i + "]", e.items().get(i), a.items().get(i), rules, out);
        }
        for (int i = n; i < e.items().size(); i++) {
            out.add(new Difference(path + "[" + i + "]", show(e.items().get(i)), "no such element"));
        }
        for (int i = n; i < a.items().size(); i++) {
            out.add(new Difference(path + "[" + i + "]", "no such element", show(a.items().get(i))));
        }
    }

    private static void compareSets(String path, String key, Arr e, Arr a, Rules rules, List<Difference> out) {
        Map<String, Value> expected = byKey(path, key, e);
        Map<String, Value> actual = byKey(path, key, a);
        expected.forEach((k, v) -> {
            String p = path + "[" + key + "=" + k + "]";
            if (actual.containsKey(k)) {
                compare(p, v, actual.get(k), rules, out);
            } else {
                out.add(new Difference(p, show(v), "no such element"));
            }
        });
        actual.forEach((k, v) -> {
            if (!expected.containsKey(k)) {
                out.add(new Difference(path + "[" + key + "=" + k + "]", "no such element", show(v)));
            }
        });
    }

    private static Map<String, Value> byKey(String path, String key, Arr arr) {
        Map<String, Value> out = new LinkedHashMap<>();
        for (Value v : arr.items()) {
            String k = v instanceof Obj o && o.fields().get(key) instanceof Str s ? s.text() : null;
            if (k == null || out.put(k, v) != null) {
                // an element without the key, or a key twice, cannot be matched: compare in order instead
                throw new IllegalArgumentException(path + ": elements must carry a unique string '" + key + "'");
            }
        }
        return out;
    }

    /** A value as it reads in the report: compact JSON-like text, strings quoted with escapes made visible. */
    static String show(Value v) {
        if (v instanceof Str s) {
            return '"' + s.text().replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
                    .replace("\t", "\\t") + '"';
        }
        if (v instanceof Num n) {
            return n.text();
        }
        if (v instanceof Bool b) {
            return String.valueOf(b.value());
        }
        if (v == Null.NULL) {
            return "null";
        }
        if (v instanceof Arr a) {
            List<String> items = a.items().stream().map(GoldenJson::show).toList();
            String s = "[" + String.join(",", items) + "]";
            return s.length() > 300 ? s.substring(0, 300) + "…]" : s;
        }
        Obj o = (Obj) v;
        List<String> fields = new ArrayList<>();
        o.fields().forEach((k, val) -> fields.add('"' + k + "\":" + show(val)));
        String s = "{" + String.join(",", fields) + "}";
        return s.length() > 300 ? s.substring(0, 300) + "…}" : s;
    }
}
