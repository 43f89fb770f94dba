package dev.ficus.sync.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.event.EntityType;
import dev.ficus.sync.eav.AttributeCatalog;
import dev.ficus.sync.eav.ExtractionException;
import dev.ficus.sync.eav.ProductExtractor;
import dev.ficus.sync.source.RowChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Products: a change to the entity row, to any of the five value tables, to a website link or a category link gives
 * one product event. Value rows are followed whether or not Magento bumped updated_at (it does not on every path:
 * {@code saveAttribute()}, direct SQL). A change to eav_attribute reloads the attribute table.
 */
public final class ProductHandler implements DomainHandler {
    static final String ENTITY = "catalog_product_entity";
    private static final Set<String> VALUE_TABLES = Set.of(
            "catalog_product_entity_varchar", "catalog_product_entity_int", "catalog_product_entity_decimal",
            "catalog_product_entity_text", "catalog_product_entity_datetime");
    private static final String WEBSITE = "catalog_product_website";
    private static final String CATEGORY = "catalog_category_product";
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
        t.addAll(List.of(ENTITY, WEBSITE, CATEGORY, ATTRIBUTES));
        return t;
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
        String column = VALUE_TABLES.contains(table) ? "entity_id" : "product_id";
        touchBoth(row, column, into);
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
