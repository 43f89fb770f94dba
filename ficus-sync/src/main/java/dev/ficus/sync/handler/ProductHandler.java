package dev.ficus.sync.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.events.EntityType;
import dev.ficus.sync.cascade.Reference;
import dev.ficus.sync.coalesce.Pending;
import dev.ficus.sync.coalesce.PendingChanges;
import dev.ficus.sync.decode.RowChange;
import dev.ficus.sync.eav.AttributeCatalog;
import dev.ficus.sync.eav.ExtractionException;
import dev.ficus.sync.eav.InList;
import dev.ficus.sync.eav.ProductExtractor;
import dev.ficus.sync.eav.Reads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Products: a change to the entity row, to any of the five value tables, to a website link, a category link, a super
 * attribute, an option label (to the super attribute's product) or a super link (to the configurable: its parent_id)
 * gives one product event; so does a change to a
 * child's int value, for the child and for its configurables (their option values come from the children). Value rows are followed whether or not Magento bumped updated_at (it does not on every path:
 * {@code saveAttribute()}, direct SQL). A change to eav_attribute or catalog_eav_attribute (an attribute's scope), or
 * to catalog/price/scope in core_config_data, reloads the attribute table.
 */
public final class ProductHandler implements DomainHandler {
    static final String ENTITY = "catalog_product_entity";
    private static final Set<String> VALUE_TABLES = Set.of(
            "catalog_product_entity_varchar", "catalog_product_entity_int", "catalog_product_entity_decimal",
            "catalog_product_entity_text", "catalog_product_entity_datetime");
    private static final String WEBSITE = "catalog_product_website";
    private static final String CATEGORY = "catalog_category_product";
    private static final String SUPER_ATTRIBUTE = "catalog_product_super_attribute";
    private static final String SUPER_LABEL = "catalog_product_super_attribute_label";
    private static final String SUPER_LINK = "catalog_product_super_link";
    /** Related-lookup kinds: a child product's configurables; a super attribute's product. */
    static final String PARENTS_OF_CHILD = "parents of child";
    static final String PRODUCT_OF_SUPER_ATTRIBUTE = "product of super attribute";
    private static final String INT_VALUES = "catalog_product_entity_int";
    private static final String ATTRIBUTES = "eav_attribute";
    private static final String CATALOG_ATTRIBUTES = "catalog_eav_attribute";
    private static final String CONFIG = "core_config_data";
    /** The settings in core_config_data that change how the attribute table reads values. */
    private static final Set<String> ATTRIBUTE_SETTINGS = Set.of("catalog/price/scope");

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
        t.addAll(List.of(ENTITY, WEBSITE, CATEGORY, SUPER_ATTRIBUTE, SUPER_LABEL, SUPER_LINK, ATTRIBUTES,
                CATALOG_ATTRIBUTES, CONFIG));
        return t;
    }

    @Override
    public Set<String> snapshotTables() {
        return Set.of(ENTITY);
    }

    /**
     * A product's own rows (values, website and category links, super attributes and their labels, the links to its
     * children) go with it; attribute settings go with their attribute, whose own row reloads the catalogue.
     */
    @Override
    public Set<Reference> followedThroughParent() {
        Set<Reference> refs = new LinkedHashSet<>();
        for (String t : VALUE_TABLES) {
            refs.add(new Reference(t, "entity_id"));
        }
        refs.add(new Reference(WEBSITE, "product_id"));
        refs.add(new Reference(CATEGORY, "product_id"));
        refs.add(new Reference(SUPER_ATTRIBUTE, "product_id"));
        refs.add(new Reference(SUPER_LABEL, "product_super_attribute_id"));
        refs.add(new Reference(SUPER_LINK, "parent_id"));
        refs.add(new Reference(CATALOG_ATTRIBUTES, "attribute_id"));
        return refs;
    }

    /**
     * Value rows by attribute and by store: following them would keep one index row per value row (products times
     * attributes times stores). A deleted attribute's values stay in the records until each product changes again.
     */
    @Override
    public Set<Reference> notFollowed() {
        Set<Reference> refs = new LinkedHashSet<>();
        for (String t : VALUE_TABLES) {
            refs.add(new Reference(t, "attribute_id"));
            refs.add(new Reference(t, "store_id"));
        }
        return refs;
    }

    @Override
    public void collect(RowChange row, PendingChanges into) {
        String table = row.table();
        if (table.equals(ATTRIBUTES) || table.equals(CATALOG_ATTRIBUTES)) {
            if (!row.isSnapshot()) {
                attributes.invalidate();
            }
            return;
        }
        if (table.equals(CONFIG)) {
            // the price scope decides which store rows of a price attribute count: the next extraction sees it
            if (!row.isSnapshot() && (ATTRIBUTE_SETTINGS.contains(String.valueOf(row.row().get("path")))
                    || row.before() != null && ATTRIBUTE_SETTINGS.contains(String.valueOf(row.before().get("path"))))) {
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
        if (table.equals(SUPER_LABEL)) {
            // a label row names its super attribute only (a deleted super attribute's labels go by cascade, and
            // the super attribute's own delete row touches the product)
            relatedOf(row, "product_super_attribute_id", PRODUCT_OF_SUPER_ATTRIBUTE, into);
            return;
        }
        String column = VALUE_TABLES.contains(table) ? "entity_id" : "product_id";
        touchBoth(row, column, into);
        if (table.equals(INT_VALUES)) {
            // a child's value of its parent's super attribute is one of the parent's option values
            relatedOf(row, "entity_id", PARENTS_OF_CHILD, into);
        }
    }

    private static void relatedOf(RowChange row, String column, String kind, PendingChanges into) {
        for (Map<String, Object> image : Arrays.asList(row.before(), row.after())) {
            if (image != null && image.get(column) instanceof Number key) {
                into.touchRelatedOf(kind, key.longValue(), row);
            }
        }
    }

    /** The configurables of children whose int values changed; the products of changed option labels. */
    @Override
    public void touchRelated(Connection c, PendingChanges changes, Reads reads) throws SQLException {
        touchFound(c, reads, changes, changes.related(PARENTS_OF_CHILD), "SELECT product_id, parent_id FROM "
                + SUPER_LINK + " WHERE product_id IN ");
        touchFound(c, reads, changes, changes.related(PRODUCT_OF_SUPER_ATTRIBUTE),
                "SELECT product_super_attribute_id, product_id FROM " + SUPER_ATTRIBUTE
                        + " WHERE product_super_attribute_id IN ");
    }

    /** Runs {@code select} (key, product id) for the keys and touches each product found with its key's row. */
    private static void touchFound(Connection c, Reads reads, PendingChanges changes, Map<Long, RowChange> keys,
                                   String select) throws SQLException {
        for (List<Long> chunk : InList.chunks(List.copyOf(keys.keySet()))) {
            String sql = reads.sql(select + "(" + InList.placeholders(chunk.size()) + ")");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                InList.bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changes.touch(rs.getLong(2), keys.get(rs.getLong(1)));
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
    public Map<Long, ObjectNode> extract(Connection magento, List<Long> ids, Reads reads)
            throws SQLException, ExtractionException {
        return extractor.extract(magento, ids, reads);
    }

    @Override
    public ObjectNode deletedRecord(Pending pending) {
        ObjectNode o = Records.fromImage(pending.lastImage(), List.of("entity_id", "sku", "type_id", "attribute_set_id"));
        o.put("entity_id", pending.magentoId());
        return o;
    }
}
