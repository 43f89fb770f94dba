package dev.ficus.magento.api.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The printable columns of one flat sales table and their JSON kinds, in Magento's print order. The sales data
 * interfaces declare their getters alphabetically, and DataObjectProcessor prints in declaration order; the getters
 * renamed from "hidden tax" to "discount tax compensation" in 2.1 kept their old places, so they sort as hidden_tax.
 */
final class FlatFields {
    enum Kind { INT, FLOAT, STRING, DATETIME }

    private final Map<String, Kind> fields;

    private FlatFields(Map<String, Kind> fields) {
        this.fields = fields;
    }

    static FlatFields of(List<String> columns, Set<String> ints, Set<String> strings, Set<String> dateTimes) {
        List<String> sorted = new ArrayList<>(columns);
        sorted.sort(Comparator.comparing(FlatFields::printKey));
        Map<String, Kind> out = new LinkedHashMap<>();
        for (String c : sorted) {
            out.put(c, ints.contains(c) ? Kind.INT : strings.contains(c) ? Kind.STRING
                    : dateTimes.contains(c) ? Kind.DATETIME : Kind.FLOAT);
        }
        return new FlatFields(out);
    }

    static String printKey(String column) {
        return column.replace("discount_tax_compensation", "hidden_tax").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Prints the non-null columns of {@code row} that this table prints, in order. */
    void print(ObjectNode node, Map<String, ?> row) {
        fields.forEach((column, kind) -> {
            Object v = row.get(column);
            if (v == null) {
                return;
            }
            switch (kind) {
                case INT -> node.put(column, MagentoJson.integer(v));
                case FLOAT -> MagentoJson.putFloat(node, column, MagentoJson.decimal(v));
                case STRING -> node.put(column, v.toString());
                case DATETIME -> node.put(column, MagentoJson.dateTime(v));
            }
        });
    }
}
