package dev.ficus.sync.eav;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What makes a product configurable, read for many products at once and put on their records as Magento's
 * extension_attributes name it:
 *
 * <pre>
 * "configurable_product_options": [{"id": 7, "attribute_id": 93, "label": "Color", "position": 0,
 *                                   "values": [{"value_index": 4}, {"value_index": 5}], "product_id": 42,
 *                                   "store_labels": {"1": "Farbe"}}],
 * "configurable_product_links":   [43, 44]
 * </pre>
 *
 * Options come from catalog_product_super_attribute (ordered by position, then id), their values from the children's
 * store 0 values of the attribute (distinct, ascending); links are the children of catalog_product_super_link in
 * link order. Both arrays are empty for other products. An option's {@code label} is what store 0 shows: the store 0
 * row of catalog_product_super_attribute_label, or the attribute's frontend label when there is none (or it says
 * use_default, or has no value); {@code store_labels} (only when the option has store view rows besides the store 0
 * one, which Magento requires) gives what each of those store views shows instead.
 */
final class ConfigurableReader {
    private ConfigurableReader() {
    }

    private record Option(long id, long attributeId, String label, long position) {
    }

    static void read(Connection c, Reads reads, List<Long> ids, String in, Map<Long, ObjectNode> records)
            throws SQLException {
        Map<Long, List<Long>> children = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(reads.sql("SELECT parent_id, product_id FROM "
                + "catalog_product_super_link WHERE parent_id IN (" + in + ") ORDER BY parent_id, link_id"))) {
            InList.bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    children.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }
            }
        }
        Map<Long, List<Option>> options = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(reads.sql("SELECT sa.product_id, sa.product_super_attribute_id,"
                + " sa.attribute_id, ea.frontend_label, sa.position FROM catalog_product_super_attribute sa"
                + " JOIN eav_attribute ea ON ea.attribute_id = sa.attribute_id WHERE sa.product_id IN (" + in + ")"
                + " ORDER BY sa.product_id, sa.position, sa.product_super_attribute_id"))) {
            InList.bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    options.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Option(rs.getLong(2),
                            rs.getLong(3), rs.getString(4), rs.getLong(5)));
                }
            }
        }
        Map<String, TreeSet<Long>> values = options.isEmpty() ? Map.of() : valueIndexes(c, reads, children, options);
        Map<Long, Map<Long, Label>> labels = options.isEmpty() ? Map.of() : labels(c, reads, options);
        records.forEach((id, record) -> {
            ArrayNode opts = record.putArray("configurable_product_options");
            for (Option o : options.getOrDefault(id, List.of())) {
                ObjectNode option = opts.addObject();
                option.put("id", o.id());
                option.put("attribute_id", o.attributeId());
                Map<Long, Label> rows = labels.getOrDefault(o.id(), Map.of());
                Label defaults = rows.get(0L);
                option.put("label", defaults == null ? o.label() : defaults.resolve(null, o.label()));
                if (defaults != null && rows.size() > 1) {
                    ObjectNode storeLabels = option.putObject("store_labels");
                    new TreeMap<>(rows).forEach((store, row) -> {
                        if (store != 0) {
                            storeLabels.put(Long.toString(store), defaults.resolve(row, o.label()));
                        }
                    });
                }
                option.put("position", o.position());
                ArrayNode v = option.putArray("values");
                values.getOrDefault(id + ":" + o.attributeId(), new TreeSet<>())
                        .forEach(index -> v.addObject().put("value_index", index));
                option.put("product_id", id);
            }
            ArrayNode links = record.putArray("configurable_product_links");
            children.getOrDefault(id, List.of()).forEach(links::add);
        });
    }

    /** A catalog_product_super_attribute_label row. */
    private record Label(Long useDefault, String value) {
        /**
         * The label a store shows, as Magento's attribute collection loads it: the store's row over this (store 0)
         * row, field by field; use_default set, or no value, leaves the attribute's own label.
         */
        String resolve(Label store, String attributeLabel) {
            Long flag = store != null && store.useDefault() != null ? store.useDefault() : useDefault;
            String text = store != null && store.value() != null ? store.value() : value;
            return (flag != null && flag != 0) || text == null ? attributeLabel : text;
        }
    }

    /** Label rows by super attribute id, then store id. */
    private static Map<Long, Map<Long, Label>> labels(Connection c, Reads reads, Map<Long, List<Option>> options)
            throws SQLException {
        List<Long> ids = new ArrayList<>();
        options.values().forEach(opts -> opts.forEach(o -> ids.add(o.id())));
        Map<Long, Map<Long, Label>> out = new HashMap<>();
        for (List<Long> chunk : InList.chunks(ids)) {
            try (PreparedStatement ps = c.prepareStatement(reads.sql("SELECT product_super_attribute_id, store_id,"
                    + " use_default, value FROM catalog_product_super_attribute_label"
                    + " WHERE product_super_attribute_id IN ("
                    + InList.placeholders(chunk.size()) + ")"))) {
                InList.bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long flag = rs.getLong(3);
                        Long useDefault = rs.wasNull() ? null : flag;
                        out.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .put(rs.getLong(2), new Label(useDefault, rs.getString(4)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * "parent:attribute" → the children's distinct store 0 values of the parent's super attributes. One lookup by
     * the value table's (entity_id, attribute_id, store_id) key for all children and attributes of the chunk.
     */
    private static Map<String, TreeSet<Long>> valueIndexes(Connection c, Reads reads, Map<Long, List<Long>> children,
                                                           Map<Long, List<Option>> options) throws SQLException {
        Map<Long, List<Long>> parentsOf = new HashMap<>();
        Set<Long> attributeIds = new TreeSet<>();
        options.forEach((parent, opts) -> {
            opts.forEach(o -> attributeIds.add(o.attributeId()));
            for (long child : children.getOrDefault(parent, List.of())) {
                parentsOf.computeIfAbsent(child, k -> new ArrayList<>()).add(parent);
            }
        });
        Map<String, TreeSet<Long>> out = new HashMap<>();
        List<Long> attributes = List.copyOf(attributeIds);
        for (List<Long> chunk : InList.chunks(List.copyOf(parentsOf.keySet()))) {
            try (PreparedStatement ps = c.prepareStatement(reads.sql("SELECT entity_id, attribute_id, value"
                    + " FROM catalog_product_entity_int WHERE entity_id IN (" + InList.placeholders(chunk.size()) + ")"
                    + " AND attribute_id IN (" + InList.placeholders(attributes.size()) + ")"
                    + " AND store_id = 0 AND value IS NOT NULL"))) {
                InList.bind(ps, chunk);
                for (int i = 0; i < attributes.size(); i++) {
                    ps.setLong(chunk.size() + i + 1, attributes.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        for (long parent : parentsOf.get(rs.getLong(1))) {
                            out.computeIfAbsent(parent + ":" + rs.getLong(2), k -> new TreeSet<>()).add(rs.getLong(3));
                        }
                    }
                }
            }
        }
        return out;
    }
}
