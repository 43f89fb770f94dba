package dev.ficus.magento.api.fields;

import dev.ficus.core.json.Json;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an answer Ficus has already rendered, without turning its values back into Java values: the filter keeps a
 * value by copying its bytes, so a float such as {@code 1.0e-6} or a string with PHP's escapes leaves exactly as it came.
 * The input is our own renderers' output, so it is trusted to be valid JSON.
 */
final class RenderedJson {
    /** One key (a member name, or the index of a list element) and where its value's bytes lie. */
    record Entry(String key, int keyStart, int keyEnd, int valueStart, int valueEnd) {
        boolean fromList() {
            return keyStart < 0;
        }
    }

    private final byte[] bytes;

    RenderedJson(byte[] bytes) {
        this.bytes = bytes;
    }

    byte[] bytes() {
        return bytes;
    }

    int skipSpace(int i) {
        while (i < bytes.length && (bytes[i] == ' ' || bytes[i] == '\n' || bytes[i] == '\r' || bytes[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** Whether the value at {@code i} is an object or a list: a PHP array. */
    boolean isArray(int i) {
        return i < bytes.length && (bytes[i] == '{' || bytes[i] == '[');
    }

    /** The index just past the value that starts at {@code i}. */
    int valueEnd(int i) {
        byte b = bytes[i];
        if (b == '"') {
            return stringEnd(i);
        }
        if (b == '{' || b == '[') {
            int depth = 0;
            while (true) {
                byte c = bytes[i];
                if (c == '"') {
                    i = stringEnd(i);
                    continue;
                }
                if (c == '{' || c == '[') {
                    depth++;
                } else if (c == '}' || c == ']') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
        }
        while (i < bytes.length && bytes[i] != ',' && bytes[i] != '}' && bytes[i] != ']' && bytes[i] != ' '
                && bytes[i] != '\n' && bytes[i] != '\r' && bytes[i] != '\t') {
            i++;
        }
        return i;
    }

    /** The members of the object, or the elements of the list, that starts at {@code i}. */
    List<Entry> entries(int i) {
        boolean list = bytes[i] == '[';
        List<Entry> out = new ArrayList<>();
        i = skipSpace(i + 1);
        int index = 0;
        while (bytes[i] != '}' && bytes[i] != ']') {
            String key;
            int keyStart = -1;
            int keyEnd = -1;
            if (list) {
                key = Integer.toString(index++);
            } else {
                keyStart = i;
                keyEnd = stringEnd(i);
                key = text(keyStart, keyEnd);
                i = skipSpace(skipSpace(keyEnd) + 1);
            }
            int valueEnd = valueEnd(i);
            out.add(new Entry(key, keyStart, keyEnd, i, valueEnd));
            i = skipSpace(valueEnd);
            if (bytes[i] == ',') {
                i = skipSpace(i + 1);
            }
        }
        return out;
    }

    /** The decoded text of the string value between {@code start} (its opening quote) and {@code end}. */
    String text(int start, int end) {
        for (int i = start + 1; i < end - 1; i++) {
            if (bytes[i] == '\\') {
                try {
                    return Json.mapper().readValue(bytes, start, end - start, String.class);
                } catch (java.io.IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new String(bytes, start + 1, end - start - 2, StandardCharsets.UTF_8);
    }

    private int stringEnd(int i) {
        i++;
        while (bytes[i] != '"') {
            i += bytes[i] == '\\' ? 2 : 1;
        }
        return i + 1;
    }
}
