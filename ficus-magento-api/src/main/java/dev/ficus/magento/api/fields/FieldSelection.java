package dev.ficus.magento.api.fields;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tree Magento makes of a {@code fields} string (Framework/Webapi/Rest/Response/FieldsFilter.php, {@code parse}):
 * each name maps to {@code null} (keep the whole value) or to the selection inside its brackets.
 *
 * <p>Magento's parser is a small state machine and its quirks are part of the contract, so this one runs the same
 * machine: only letters, digits, "_", "[", "]" and "," are allowed (anything else, whitespace included, makes the string
 * invalid); a "[" opens the selection of the name read last, even one already closed ({@code a,[b]} is {@code a[b]},
 * {@code a[b][c]} is {@code a[b],b[c]}); a "]" without its "[" files what was read so far under the name "" (which no
 * answer has); a "[" left open makes the string invalid; a name given twice keeps its last meaning.
 */
public final class FieldSelection {
    private final Map<String, FieldSelection> names = new LinkedHashMap<>();

    private FieldSelection() {
    }

    /** The selection {@code text} describes, or {@code null} where Magento's parse returns null (invalid string). */
    public static FieldSelection parse(String text) {
        if (text.isEmpty() || !allowed(text)) {
            return null;
        }
        FieldSelection current = new FieldSelection();
        Deque<FieldSelection> stack = new ArrayDeque<>();
        Deque<String> parents = new ArrayDeque<>();
        // PHP's null array key is "", so a "[" before any name opens the selection of ""
        String lastName = "";
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean separator = c == '[' || c == ']' || c == ',';
            if (separator && start >= 0) {
                lastName = text.substring(start, i);
                current.names.put(lastName, null);
            }
            if (separator) {
                start = -1;
            }
            if (c == '[') {
                parents.push(lastName);
                stack.push(current);
                current = new FieldSelection();
            } else if (c == ']') {
                FieldSelection inner = current;
                current = stack.isEmpty() ? new FieldSelection() : stack.pop();
                current.names.put(parents.isEmpty() ? "" : parents.pop(), inner);
            } else if (!separator && start < 0) {
                start = i;
            }
        }
        if (!stack.isEmpty()) {
            return null;
        }
        if (start >= 0) {
            current.names.put(text.substring(start), null);
        }
        return current;
    }

    /** Whether {@code name} is selected at this level. */
    public boolean has(String name) {
        return names.containsKey(name);
    }

    /** The selection inside {@code name}'s brackets, or {@code null} when the whole value is selected (or none). */
    public FieldSelection inside(String name) {
        return names.get(name);
    }

    /** The names of this level in the order given (tests, logs). */
    public Map<String, FieldSelection> names() {
        return Collections.unmodifiableMap(names);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        names.forEach((name, inside) -> {
            if (!out.isEmpty()) {
                out.append(',');
            }
            out.append(name);
            if (inside != null) {
                out.append('[').append(inside).append(']');
            }
        });
        return out.toString();
    }

    // PCRE's \w without the u flag: ASCII letters, digits and "_"
    private static boolean allowed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!word && c != '[' && c != ']' && c != ',') {
                return false;
            }
        }
        return true;
    }
}
