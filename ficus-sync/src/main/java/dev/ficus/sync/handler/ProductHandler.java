package dev.ficus.sync.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.event.EntityType;
import dev.ficus.sync.eav.AttributeCatalog;
import dev.ficus.sync.eav.ExtractionException;
import dev.ficus.sync.eav.InList;
import dev.ficus.sync.eav.ProductExtractor;
import dev.ficus.sync.source.RowChange;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Products: a change to the entity row, to any of the five value tables, to a website link, a category link, a super
 * attribute or a super link (to the configurable: its parent_id) gives one product event; so does a change to a
 * child's int value, for the child and for its configurables (their option values come from the children). Value rows are followed whether or not Magento bumped updated_at (it does not on every path:
 * {@code saveAttribute()}, direct SQL). A change to eav_attribute reloads the attribute table.
 */
public final class ProductHandler implements DomainHandler {
    static final String ENTITY = "catalog_product_entity";
    private static final Set<String> VALUE_TABLES = Set.of(
            "catalog_product_entity_varchar", "catalog_product_entity_int", "catalog_product_entity_decimal",
            "catalog_product_entity_text", "catalog_product_entity_datetime");
    private static final String WEBSITE = "catalog_product_website";
    private static final String CATEGORY = "catalog_category_product";
    private static final String SUPER_ATTRIBUTE = "catalog_product_super_attribute";
    private static final String SUPER_LINK = "catalog_product_super_link";
    private static final String INT_VALUES = "catalog_product_entity_int";
    private static final String ATTRIBUTES = "eav_attribute";

    private final AttributeCatalog attributes;
    private final ProductExtractor extractor;

    public ProductHandler(AttributeCatalog attributes) {
        this.attributes = attributes;
        this.extractor = new ProductExtractor(attributes);
    }

    @Override
    public EntityType entityType() {
        return EntityType.PRODUCT;
    }

    @Override
    public Set<String> tables() {
        Set<String> t = new HashSet<>(VALUE_TABLES);
        t.addAll(List.of(ENTITY, WEBSITE, CATEGORY, SUPER_ATTRIBUTE, SUPER_LINK, ATTRIBUTES));
        return t;
    }

    @Override
    public Set<String> snapshotTables() {
        return Set.of(ENTITY);
    }

    @Override
    public void collect(RowChange row, PendingChanges into) {
        String table = row.table();
        if (table.equals(ATTRIBUTES)) {
            if (!row.isSnapshot()) {
                attributes.invalidate();
            }
            return;
        }
        if (table.equals(ENTITY)) {
            into.touch(row.longValue("entity_id"), row, row.row());
            return;
        }
        if (row.isSnapshot()) {
            return;
        }
        if (table.equals(SUPER_LINK)) {
            touchBoth(row, "parent_id", into);
            return;
        }
        String column = VALUE_TABLES.contains(table) ? "entity_id" : "product_id";
        touchBoth(row, column, into);
        if (table.equals(INT_VALUES)) {
            // a child's value of its parent's super attribute is one of the parent's option values
            for (Map<String, Object> image : Arrays.asList(row.before(), row.after())) {
                if (image != null && image.get("entity_id") instanceof Number id) {
                    into.touchRelatedOf(id.longValue(), row);
                }
            }
        }
    }

    /** The configurables whose children had an int value changed. */
    @Override
    public void touchRelated(Connection c, PendingChanges changes) throws SQLException {
        List<Long> children = List.copyOf(changes.related().keySet());
        for (List<Long> chunk : InList.chunks(children)) {
            try (PreparedStatement ps = c.prepareStatement("SELECT product_id, parent_id FROM " + SUPER_LINK
                    + " WHERE product_id IN (" + InList.placeholders(chunk.size()) + ")")) {
                InList.bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changes.touch(rs.getLong(2), changes.related().get(rs.getLong(1)));
                    }
                }
            }
        }
    }

    /** An update may move a row from one entity to another: both change. */
    static void touchBoth(RowChange row, String column, PendingChanges into) {
        Object after = row.after() == null ? null : row.after().get(column);
        Object before = row.before() == null ? null : row.before().get(column);
        if (after != null) {
            into.touch(((Number) after).longValue(), row);
        }
        if (before != null && !Objects.equals(before, after)) {
            into.touch(((Number) before).longValue(), row);
        }
    }

    @Override
    public Map<Long, ObjectNode> extract(Connection magento, List<Long> ids) throws SQLException, ExtractionException {
        return extractor.extract(magento, ids);
    }

    @Override
    public ObjectNode deletedRecord(Pending pending) {
        ObjectNode o = Records.fromImage(pending.lastImage(), List.of("entity_id", "sku", "type_id", "attribute_set_id"));
        o.put("entity_id", pending.magentoId());
        return o;
    }
}
