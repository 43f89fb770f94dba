package dev.ficus.check;

import dev.ficus.events.Domain;
import dev.ficus.events.EntityType;
import java.util.ArrayList;
import java.util.List;

/**
 * One read model table checked against Magento: which entities it holds (the entity type, Magento's table and key),
 * where the service keeps them (its table, key column, the sync's record in {@code record}) and which columns the
 * service copies out of the record for its lookups ({@code _at} columns are timestamps). The table definitions are
 * the services' Flyway migrations (ficus-services, db/…); only these columns are read, so that a service may add
 * columns of its own without the check noticing.
 */
public enum Target {
    PRODUCTS(Domain.CATALOG, EntityType.PRODUCT, "catalog_product_entity", "entity_id", "products", "magento_id", true,
            List.of("sku", "type_id", "attribute_set_id", "created_at", "updated_at")),
    /** The stock item inside the catalog's product answers (extension_attributes.stock_item). */
    CATALOG_STOCK(Domain.CATALOG, EntityType.STOCK, "cataloginventory_stock_item", "product_id", "catalog_stock_items",
            "product_id", false, List.of()),
    CUSTOMERS(Domain.CUSTOMER, EntityType.CUSTOMER, "customer_entity", "entity_id", "customers", "magento_id", true,
            List.of("email", "website_id", "created_at", "updated_at")),
    ORDERS(Domain.ORDER, EntityType.ORDER, "sales_order", "entity_id", "orders", "magento_id", true,
            List.of("increment_id", "customer_id", "store_id", "created_at", "updated_at")),
    STOCK_ITEMS(Domain.INVENTORY, EntityType.STOCK, "cataloginventory_stock_item", "product_id", "stock_items",
            "product_id", false, List.of("sku"));

    private final Domain domain;
    private final EntityType entityType;
    private final String magentoTable;
    private final String magentoKey;
    private final String table;
    private final String key;
    private final boolean hasUuid;
    private final List<String> columns;

    Target(Domain domain, EntityType entityType, String magentoTable, String magentoKey, String table, String key,
           boolean hasUuid, List<String> columns) {
        this.domain = domain;
        this.entityType = entityType;
        this.magentoTable = magentoTable;
        this.magentoKey = magentoKey;
        this.table = table;
        this.key = key;
        this.hasUuid = hasUuid;
        this.columns = columns;
    }

    public Domain domain() {
        return domain;
    }

    public EntityType entityType() {
        return entityType;
    }

    /** Magento's table of the entity (one row per entity; for stock, one per product and stock). */
    public String magentoTable() {
        return magentoTable;
    }

    public String magentoKey() {
        return magentoKey;
    }

    /** The read model's table. */
    public String table() {
        return table;
    }

    /** Its column holding the Magento id. */
    public String key() {
        return key;
    }

    /** Whether the table has an {@code id} column holding the id map's UUID. */
    public boolean hasUuid() {
        return hasUuid;
    }

    /** The columns copied out of the record, each named as its record field. */
    public List<String> columns() {
        return columns;
    }

    /** Whether the records carry Magento's {@code updated_at}, from which lag is measured. */
    public boolean hasUpdatedAt() {
        return columns.contains("updated_at");
    }

    /** What the log and the report call it: {@code catalog/products}. */
    public String label() {
        return domain.id() + "/" + table;
    }

    /** The targets of a domain, or of all domains for {@code null}. */
    public static List<Target> of(Domain domain) {
        List<Target> out = new ArrayList<>();
        for (Target t : values()) {
            if (domain == null || t.domain == domain) {
                out.add(t);
            }
        }
        return out;
    }
}
