package dev.ficus.magento.api.fields;

import dev.ficus.magento.api.request.PhpUrlDecoding;
import java.util.Optional;

/**
 * Whether a request asks for a partial answer, read from its raw query as PHP and Magento read it:
 * SynchronousRequestProcessor filters only when {@code getParam('fields')} is truthy, so an absent, empty or "0" value
 * means the whole answer; PHP's parse_str lets the last {@code fields} of the query win, and a {@code fields[...]} name
 * makes the parameter an array, which FieldsFilter::filter answers with an empty array.
 */
public final class FieldsParameter {
    private FieldsParameter() {
    }

    /**
     * The filter {@code rawQuery} asks for, if any. A query without "fields" and without a "%" (which could spell it)
     * costs one scan and no allocation: the usual read pays nothing for the feature.
     */
    public static Optional<FieldsFilter> fromQuery(String rawQuery) {
        if (rawQuery == null || (!rawQuery.contains("fields") && rawQuery.indexOf('%') < 0)) {
            return Optional.empty();
        }
        String value = null;
        boolean array = false;
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = PhpUrlDecoding.decode(eq < 0 ? pair : pair.substring(0, eq));
            if (name.equals("fields")) {
                value = eq < 0 ? "" : PhpUrlDecoding.decode(pair.substring(eq + 1));
                array = false;
            } else if (name.startsWith("fields[") && name.indexOf(']') > 0) {
                // parse_str makes "fields[]=a" (and "fields[x]=a") an array; "fields[" without "]" is "fields_"
                array = true;
            }
        }
        if (array) {
            return Optional.of(FieldsFilter.emptyAnswer());
        }
        if (value == null || value.isEmpty() || value.equals("0")) {
            return Optional.empty();
        }
        return Optional.of(FieldsFilter.of(value));
    }
}
