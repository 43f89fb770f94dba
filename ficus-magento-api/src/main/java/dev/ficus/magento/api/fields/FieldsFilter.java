package dev.ficus.magento.api.fields;

import dev.ficus.magento.api.fields.RenderedJson.Entry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Magento's partial answers (Framework/Webapi/Rest/Response/FieldsFilter.php, applied by
 * Webapi/Controller/Rest/SynchronousRequestProcessor.php to a successful answer that is an array, never to an error),
 * applied to an answer Ficus has already rendered. Kept values are copied byte for byte, in the answer's order.
 *
 * <p>The rules, as PHP runs them on the output array before json_encode:
 * <ul>
 * <li>An array whose keys are all integers (a list, an empty object, or an object keyed by numbers) is a collection:
 * each element is filtered by the same selection; an empty collection becomes {@code null}.</li>
 * <li>Otherwise the keys not selected go (unknown names select nothing); a selected value with a selection of its own
 * is filtered by it if it is an array and kept whole if it is not.</li>
 * <li>{@code custom_attributes} with a selection keeps, of each {@code {attribute_code, value}} element, both when its
 * code is selected, else only {@code attribute_code} and/or {@code value} if those names are selected, else nothing;
 * the elements keep their original indices.</li>
 * <li>An invalid selection (see {@link FieldSelection#parse}) answers an empty array.</li>
 * <li>json_encode then writes an array whose keys are 0..n-1 in order as a list (so an object left with no key is
 * {@code []}) and any other as an object ({@code {"3":…}} when a custom attribute other than the first is picked).</li>
 * </ul>
 * Where PHP would meet a non-array element in a collection or a non-array {@code custom_attributes} with a selection,
 * Magento fails with a TypeError; {@link #apply} throws {@link IllegalStateException} there, which the callers answer
 * as an internal error.
 */
public final class FieldsFilter {
    private static final byte[] EMPTY_ARRAY = "[]".getBytes(StandardCharsets.US_ASCII);
    private static final String CUSTOM_ATTRIBUTES = "custom_attributes";

    /** A filtered value: bytes of the answer, an array built from filtered entries, or PHP's null. */
    private sealed interface Out {
    }

    private record Kept(int start, int end) implements Out {
    }

    private record Built(List<Member> members) implements Out {
    }

    private record Null() implements Out {
    }

    /** A key of a built array; {@code raw} is the key as the answer wrote it, if it was a member name. */
    private record Member(String key, Entry raw, Out value) {
    }

    private final FieldSelection selection;

    private FieldsFilter(FieldSelection selection) {
        this.selection = selection;
    }

    /** The filter for a {@code fields} value that Magento applies (see {@link FieldsParameter}). */
    public static FieldsFilter of(String fields) {
        return new FieldsFilter(FieldSelection.parse(fields));
    }

    /** A filter that answers {@code []}, as Magento does for a {@code fields} parameter that is not a string. */
    static FieldsFilter emptyAnswer() {
        return new FieldsFilter(null);
    }

    /** {@code answer} as Magento would send it with this filter. An answer that is not an array passes unchanged. */
    public byte[] apply(byte[] answer) {
        RenderedJson json = new RenderedJson(answer);
        int start = json.skipSpace(0);
        if (!json.isArray(start)) {
            return answer;
        }
        if (selection == null) {
            return EMPTY_ARRAY.clone();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(answer.length);
        write(json, filter(json, start, selection), out);
        return out.toByteArray();
    }

    public String apply(String answer) {
        return new String(apply(answer.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    // FieldsFilter::applyFilter
    private Out filter(RenderedJson json, int array, FieldSelection selection) {
        List<Entry> entries = json.entries(array);
        if (!hasStringKey(entries)) {
            if (entries.isEmpty()) {
                return new Null();
            }
            List<Member> members = new ArrayList<>(entries.size());
            for (Entry e : entries) {
                if (!json.isArray(e.valueStart())) {
                    throw new IllegalStateException("fields: element " + e.key() + " of a collection is not an array");
                }
                members.add(new Member(e.key(), e, intersect(json, json.entries(e.valueStart()), selection)));
            }
            return new Built(members);
        }
        return intersect(json, entries, selection);
    }

    // FieldsFilter::recursiveArrayIntersectKey
    private Out intersect(RenderedJson json, List<Entry> entries, FieldSelection selection) {
        List<Member> members = new ArrayList<>();
        for (Entry e : entries) {
            if (!selection.has(e.key())) {
                continue;
            }
            FieldSelection inside = selection.inside(e.key());
            Out value;
            if (inside != null && e.key().equals(CUSTOM_ATTRIBUTES)) {
                if (!json.isArray(e.valueStart())) {
                    throw new IllegalStateException("fields: custom_attributes is not an array");
                }
                value = customAttributes(json, json.entries(e.valueStart()), inside);
            } else if (inside != null && json.isArray(e.valueStart())) {
                value = filter(json, e.valueStart(), inside);
            } else {
                value = new Kept(e.valueStart(), e.valueEnd());
            }
            members.add(new Member(e.key(), e, value));
        }
        return new Built(members);
    }

    // FieldsFilter::filterCustomAttributes
    private Out customAttributes(RenderedJson json, List<Entry> attributes, FieldSelection selection) {
        List<Member> members = new ArrayList<>();
        for (Entry attribute : attributes) {
            if (!json.isArray(attribute.valueStart())) {
                throw new IllegalStateException("fields: a custom attribute is not an array");
            }
            Entry code = null;
            Entry value = null;
            for (Entry e : json.entries(attribute.valueStart())) {
                if (e.key().equals("attribute_code")) {
                    code = e;
                } else if (e.key().equals("value")) {
                    value = e;
                }
            }
            boolean codeSelected = code != null && json.bytes()[code.valueStart()] == '"'
                    && selection.has(json.text(code.valueStart(), code.valueEnd()));
            List<Member> kept = new ArrayList<>(2);
            if (codeSelected || selection.has("attribute_code")) {
                kept.add(new Member("attribute_code", null, keptOrNull(code)));
            }
            if (codeSelected || selection.has("value")) {
                kept.add(new Member("value", null, keptOrNull(value)));
            }
            if (!kept.isEmpty()) {
                members.add(new Member(attribute.key(), attribute, new Built(kept)));
            }
        }
        return new Built(members);
    }

    private static Out keptOrNull(Entry e) {
        return e == null ? new Null() : new Kept(e.valueStart(), e.valueEnd());
    }

    /** PHP turns a key such as "12" or "-3" into an integer; any other key stays a string. */
    private static boolean hasStringKey(List<Entry> entries) {
        for (Entry e : entries) {
            if (!e.fromList() && !isIntegerKey(e.key())) {
                return true;
            }
        }
        return false;
    }

    static boolean isIntegerKey(String key) {
        int digits = key.startsWith("-") ? 1 : 0;
        if (key.length() == digits || key.length() - digits > 19) {
            return false;
        }
        if (key.charAt(digits) == '0' && key.length() > digits + 1 || key.equals("-0")) {
            return false;
        }
        for (int i = digits; i < key.length(); i++) {
            if (key.charAt(i) < '0' || key.charAt(i) > '9') {
                return false;
            }
        }
        try {
            Long.parseLong(key);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void write(RenderedJson json, Out value, ByteArrayOutputStream out) {
        if (value instanceof Kept k) {
            out.write(json.bytes(), k.start(), k.end() - k.start());
        } else if (value instanceof Null) {
            out.writeBytes("null".getBytes(StandardCharsets.US_ASCII));
        } else if (value instanceof Built b) {
            boolean list = sequential(b.members());
            out.write(list ? '[' : '{');
            for (int i = 0; i < b.members().size(); i++) {
                Member m = b.members().get(i);
                if (i > 0) {
                    out.write(',');
                }
                if (!list) {
                    writeKey(json, m, out);
                    out.write(':');
                }
                write(json, m.value(), out);
            }
            out.write(list ? ']' : '}');
        }
    }

    private static void writeKey(RenderedJson json, Member m, ByteArrayOutputStream out) {
        if (m.raw() != null && !m.raw().fromList()) {
            out.write(json.bytes(), m.raw().keyStart(), m.raw().keyEnd() - m.raw().keyStart());
        } else {
            // keys we name ourselves: list indices and "attribute_code"/"value", none of which json_encode escapes
            out.writeBytes(('"' + m.key() + '"').getBytes(StandardCharsets.US_ASCII));
        }
    }

    // json_encode writes an array as a list when its keys are 0, 1, 2, ... in order
    private static boolean sequential(List<Member> members) {
        for (int i = 0; i < members.size(); i++) {
            if (!members.get(i).key().equals(Integer.toString(i))) {
                return false;
            }
        }
        return true;
    }
}
