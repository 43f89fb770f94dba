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
 * The printable columns of one flat sales table and their JSON kinds, in Magento's print order. DataObjectProcessor
 * prints in the order the data interface declares its getters, and the sales interfaces declare them in the order of
 * their key constants' names, upper snake case sorted by character code: an underscore sorts after every letter, so
 * {@code BASE_TOTAL_REFUNDED} comes before {@code BASE_TO_GLOBAL_RATE} and {@code PAYMENT_AUTHORIZATION_AMOUNT} before
 * {@code PAYMENT_AUTH_EXPIRATION} (Sales/Api/Data/OrderInterface.php). The getters renamed from "hidden tax" to
 * "discount tax compensation" in 2.1 kept their old places, so they sort as HIDDEN_TAX.
 *
 * <p>Only columns with a getter are listed: a column without one (sales_order.send_email, shipping_address_id,
 * shipping_method; sales_order_address.quote_address_id) never prints, whatever the row holds.
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
        return column.replace("discount_tax_compensation", "hidden_tax").toUpperCase(Locale.ROOT);
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
