package dev.ficus.sync.eav;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
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
 * Reads products' current state from Magento and flattens the EAV layout into one record per product:
 *
 * <pre>
 * {"entity_id":42, "sku":"MH01", "type_id":"simple", "attribute_set_id":4, …every column of catalog_product_entity…,
 *  "attributes":       {"name":"Hoodie", "price":34.000000, "status":1, …},   // store 0: the defaults
 *  "store_attributes": {"1": {"name":"Sweat à capuche"}},                   // per store view overrides
 *  "website_ids":      [1],
 *  "category_links":   [{"category_id":3, "position":0}],
 *  "configurable_product_options": […], "configurable_product_links": […]}           // see ConfigurableReader
 * </pre>
 *
 * A whole batch of products costs one query per table (entity, five value tables, websites, categories, super
 * attributes and links, and for configurables their children's option values), each read as {@link Reads} says (by
 * default a locking read that waits for a save whose events are already in the binlog). Attribute codes and backend
 * types come from eav_attribute; as in Magento, a value row in a table other than its attribute's backend type is
 * ignored, and so is a store view's row of an attribute Magento reads globally (the EAV ReadHandler takes only store
 * 0's row of those: see StoreViewOverlay.storeValuesCount), so every store value in the record counts. A value row
 * whose attribute id does not exist even after reloading the attributes is an {@link ExtractionException}.
 */
public final class ProductExtractor {
    public static final List<String> VALUE_TYPES = List.of("varchar", "int", "decimal", "text", "datetime");

    private final AttributeCatalog attributes;

    public ProductExtractor(AttributeCatalog attributes) {
        this.attributes = attributes;
    }

    /** Records of the products that exist; ids missing from the result are deleted products. */
    public Map<Long, ObjectNode> extract(Connection c, List<Long> ids, Reads reads)
            throws SQLException, ExtractionException {
        Map<Long, ObjectNode> records = new HashMap<>(ids.size() * 2);
        for (List<Long> chunk : InList.chunks(ids)) {
            records.putAll(extractChunk(c, chunk, reads));
        }
        return records;
    }

    /**
     * One chunk's records. The chunk's reads fill only the chunk's own records: the per-product arrays (websites,
     * categories, …) are set on every record the reads look at, so a record of an earlier chunk must never be in reach.
     */
    private Map<Long, ObjectNode> extractChunk(Connection c, List<Long> ids, Reads reads)
            throws SQLException, ExtractionException {
        Map<Long, ObjectNode> records = new HashMap<>(ids.size() * 2);
        String in = InList.placeholders(ids.size());
        try (PreparedStatement ps = c.prepareStatement(
                reads.sql("SELECT * FROM catalog_product_entity WHERE entity_id IN (" + in + ")"))) {
            InList.bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                JsonRows rows = new JsonRows(rs, Set.of());
                while (rs.next()) {
                    records.put(rs.getLong("entity_id"), rows.row());
                }
            }
        }
        if (records.isEmpty()) {
            return records;
        }
        Map<Long, TreeMap<Long, ObjectNode>> scoped = new HashMap<>();
        for (String type : VALUE_TYPES) {
            readValues(c, reads, type, ids, in, records, scoped);
        }
        readWebsites(c, reads, ids, in, records);
        readCategories(c, reads, ids, in, records);
        ConfigurableReader.read(c, reads, ids, in, records);
        records.forEach((entityId, record) -> {
            TreeMap<Long, ObjectNode> byStore = scoped.getOrDefault(entityId, new TreeMap<>());
            ObjectNode defaults = byStore.remove(0L);
            record.set("attributes", defaults == null ? Json.object() : defaults);
            // only stores with value rows of their own: a store without any reads the defaults
            ObjectNode stores = Json.object();
            byStore.forEach((store, values) -> stores.set(Long.toString(store), values));
            record.set("store_attributes", stores);
        });
        return records;
    }

    private void readValues(Connection c, Reads reads, String type, List<Long> ids, String in,
                            Map<Long, ObjectNode> records,
                            Map<Long, TreeMap<Long, ObjectNode>> scoped) throws SQLException, ExtractionException {
        String table = "catalog_product_entity_" + type;
        long loadedVersion = attributes.version();
        // in the order of the (entity_id, attribute_id, store_id) unique key: read from the index, no sort
        try (PreparedStatement ps = c.prepareStatement(reads.sql("SELECT entity_id, attribute_id, store_id, value FROM "
                + table + " WHERE entity_id IN (" + in + ") ORDER BY entity_id, attribute_id, store_id"))) {
            InList.bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long entityId = rs.getLong(1);
                    if (!records.containsKey(entityId)) {
                        continue;
                    }
                    int attributeId = rs.getInt(2);
                    Attribute a = attributes.get(c, attributeId);
                    if (a == null && attributes.version() == loadedVersion) {
                        attributes.reload(c);
                        a = attributes.get(c, attributeId);
                    }
                    if (a == null) {
                        throw new ExtractionException(table, entityId, "product " + entityId + " has a value in "
                                + table + " for attribute_id " + attributeId + ", which eav_attribute does not define");
                    }
                    long storeId = rs.getLong(3);
                    if (!type.equals(a.backendType()) || storeId != 0 && !a.storeValuesCount()) {
                        continue;
                    }
                    ObjectNode values = scoped.computeIfAbsent(entityId, k -> new TreeMap<>())
                            .computeIfAbsent(storeId, k -> Json.object());
                    putValue(values, a.code(), type, rs);
                }
            }
        }
    }

    private static void putValue(ObjectNode values, String code, String type, ResultSet rs) throws SQLException {
        switch (type) {
            case "int" -> {
                long v = rs.getLong(4);
                if (rs.wasNull()) {
                    values.putNull(code);
                } else {
                    values.put(code, v);
                }
            }
            case "decimal" -> values.put(code, rs.getBigDecimal(4));
            default -> values.put(code, rs.getString(4));
        }
    }

    private static void readWebsites(Connection c, Reads reads, List<Long> ids, String in,
                                     Map<Long, ObjectNode> records)
            throws SQLException {
        Map<Long, TreeSet<Long>> sites = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(reads.sql(
                "SELECT product_id, website_id FROM catalog_product_website WHERE product_id IN (" + in + ")"))) {
            InList.bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sites.computeIfAbsent(rs.getLong(1), k -> new TreeSet<>()).add(rs.getLong(2));
                }
            }
        }
        records.forEach((id, record) -> {
            ArrayNode arr = record.putArray("website_ids");
            sites.getOrDefault(id, new TreeSet<>()).forEach(arr::add);
        });
    }

    /** In the order Magento lists them: the link rows' own id (the order they were assigned in). */
    private static void readCategories(Connection c, Reads reads, List<Long> ids, String in,
                                       Map<Long, ObjectNode> records)
            throws SQLException {
        Map<Long, List<ObjectNode>> links = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(reads.sql("SELECT product_id, category_id, position FROM "
                + "catalog_category_product WHERE product_id IN (" + in + ") ORDER BY product_id, entity_id"))) {
            InList.bind(ps, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    links.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(Json.object().put("category_id", rs.getLong(2)).put("position", rs.getLong(3)));
                }
            }
        }
        records.forEach((id, record) -> {
            ArrayNode arr = record.putArray("category_links");
            links.getOrDefault(id, List.of()).forEach(arr::add);
        });
    }
}
