package dev.ficus.sync.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.events.SourcePosition;
import dev.ficus.sync.cascade.ForeignKey;
import dev.ficus.sync.cascade.Rule;
import dev.ficus.sync.coalesce.PendingChanges;
import dev.ficus.sync.decode.RowChange;
import dev.ficus.sync.eav.AttributeCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which row changes concern which entities (routing only; extraction is covered against a real database). */
class HandlersTest {
    private long pos = 100;

    private RowChange row(String table, RowChange.Kind kind, Map<String, Object> before, Map<String, Object> after) {
        return new RowChange(table, kind, before, after,
                new SourcePosition("mariadb-bin.000001", pos++, 0, 0, null, 0, kind == RowChange.Kind.READ));
    }

    private static Map<String, Object> cols(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void productChangesOfOneBatchCoalescePerProduct() {
        ProductHandler h = new ProductHandler(new AttributeCatalog());
        PendingChanges p = new PendingChanges();
        h.collect(row("catalog_product_entity", RowChange.Kind.UPDATE, cols("entity_id", 7L, "sku", "A"),
                cols("entity_id", 7L, "sku", "A")), p);
        RowChange last = row("catalog_product_entity_varchar", RowChange.Kind.UPDATE,
                cols("entity_id", 7L, "value", "x"), cols("entity_id", 7L, "value", "y"));
        h.collect(last, p);
        h.collect(row("catalog_product_website", RowChange.Kind.CREATE, null, cols("product_id", 8L, "website_id", 1)), p);
        h.collect(row("catalog_category_product", RowChange.Kind.DELETE, cols("product_id", 9L, "category_id", 3), null), p);
        assertThat(p.ids()).containsExactly(7L, 8L, 9L);
        assertThat(p.get(7L).position()).isEqualTo(last.position());
        assertThat(p.get(7L).lastImage()).containsEntry("sku", "A");
    }

    @Test
    void aValueRowMovedToAnotherProductChangesBoth() {
        ProductHandler h = new ProductHandler(new AttributeCatalog());
        PendingChanges p = new PendingChanges();
        h.collect(row("catalog_product_entity_int", RowChange.Kind.UPDATE, cols("entity_id", 1L), cols("entity_id", 2L)), p);
        assertThat(p.ids()).containsExactlyInAnyOrder(1L, 2L);
    }

    @Test
    void snapshotReadsOfChildTablesAreLeftToTheirEntity() {
        PendingChanges products = new PendingChanges();
        ProductHandler ph = new ProductHandler(new AttributeCatalog());
        ph.collect(row("catalog_product_entity_varchar", RowChange.Kind.READ, null, cols("entity_id", 1L)), products);
        ph.collect(row("catalog_product_entity", RowChange.Kind.READ, null, cols("entity_id", 2L)), products);
        assertThat(products.ids()).containsExactly(2L);

        PendingChanges customers = new PendingChanges();
        CustomerHandler ch = new CustomerHandler();
        ch.collect(row("customer_address_entity", RowChange.Kind.READ, null, cols("entity_id", 5L, "parent_id", 1L)), customers);
        ch.collect(row("customer_address_entity", RowChange.Kind.UPDATE, cols("parent_id", 3L), cols("parent_id", 3L)), customers);
        assertThat(customers.ids()).containsExactly(3L);

        PendingChanges orders = new PendingChanges();
        OrderHandler oh = new OrderHandler();
        oh.collect(row("sales_order_item", RowChange.Kind.READ, null, cols("order_id", 1L)), orders);
        oh.collect(row("sales_order_item", RowChange.Kind.CREATE, null, cols("order_id", 4L)), orders);
        oh.collect(row("sales_order_address", RowChange.Kind.CREATE, null, cols("parent_id", 5L)), orders);
        oh.collect(row("sales_order_payment", RowChange.Kind.READ, null, cols("parent_id", 1L)), orders);
        oh.collect(row("sales_order_payment", RowChange.Kind.UPDATE, cols("parent_id", 6L), cols("parent_id", 6L)), orders);
        assertThat(orders.ids()).containsExactly(4L, 5L, 6L);
    }

    @Test
    void stockFollowsItsRowsAndProductDeletesAndSkuChanges() {
        StockHandler h = new StockHandler();
        PendingChanges p = new PendingChanges();
        h.collect(row("cataloginventory_stock_item", RowChange.Kind.UPDATE, cols("product_id", 1L), cols("product_id", 1L)), p);
        h.collect(row("catalog_product_entity", RowChange.Kind.UPDATE, cols("entity_id", 2L, "sku", "A"),
                cols("entity_id", 2L, "sku", "A")), p);
        h.collect(row("catalog_product_entity", RowChange.Kind.UPDATE, cols("entity_id", 3L, "sku", "A"),
                cols("entity_id", 3L, "sku", "B")), p);
        h.collect(row("catalog_product_entity", RowChange.Kind.DELETE, cols("entity_id", 4L, "sku", "GONE"), null), p);
        assertThat(p.ids()).containsExactly(1L, 3L, 4L);
        assertThat(h.deletedRecord(p.get(4L)).toString()).isEqualTo("{\"product_id\":4,\"sku\":\"GONE\"}");
    }

    @Test
    void aChangeToEavAttributeIsNoProductChange() {
        AttributeCatalog attributes = new AttributeCatalog();
        ProductHandler h = new ProductHandler(attributes);
        PendingChanges p = new PendingChanges();
        h.collect(row("eav_attribute", RowChange.Kind.UPDATE, cols("attribute_id", 73L), cols("attribute_id", 73L)), p);
        assertThat(p.isEmpty()).isTrue();
    }

    @Test
    void configurableRowsChangeTheConfigurable() {
        ProductHandler h = new ProductHandler(new AttributeCatalog());
        PendingChanges p = new PendingChanges();
        h.collect(row("catalog_product_super_link", RowChange.Kind.READ, null, cols("product_id", 11L, "parent_id", 10L)), p);
        h.collect(row("catalog_product_super_attribute", RowChange.Kind.READ, null, cols("product_id", 10L)), p);
        assertThat(p.isEmpty()).isTrue();

        h.collect(row("catalog_product_super_link", RowChange.Kind.CREATE, null, cols("product_id", 21L, "parent_id", 20L)), p);
        h.collect(row("catalog_product_super_attribute", RowChange.Kind.DELETE, cols("product_id", 30L), null), p);
        assertThat(p.ids()).containsExactly(20L, 30L);
        assertThat(p.related(ProductHandler.PARENTS_OF_CHILD)).isEmpty();

        // a label row names its super attribute: the product is looked up
        RowChange label = row("catalog_product_super_attribute_label", RowChange.Kind.UPDATE,
                cols("product_super_attribute_id", 5L, "value", "Color"),
                cols("product_super_attribute_id", 5L, "value", "Colour"));
        h.collect(label, p);
        assertThat(p.ids()).containsExactly(20L, 30L);
        assertThat(p.related(ProductHandler.PRODUCT_OF_SUPER_ATTRIBUTE)).containsOnlyKeys(5L).containsEntry(5L, label);
    }

    @Test
    void aChildsIntValueIsLookedUpForItsConfigurables() {
        ProductHandler h = new ProductHandler(new AttributeCatalog());
        PendingChanges p = new PendingChanges();
        RowChange change = row("catalog_product_entity_int", RowChange.Kind.UPDATE, cols("entity_id", 11L, "value", 4L),
                cols("entity_id", 11L, "value", 5L));
        h.collect(change, p);
        h.collect(row("catalog_product_entity_varchar", RowChange.Kind.UPDATE, cols("entity_id", 12L),
                cols("entity_id", 12L)), p);
        assertThat(p.ids()).containsExactly(11L, 12L);
        assertThat(p.related(ProductHandler.PARENTS_OF_CHILD)).containsOnlyKeys(11L).containsEntry(11L, change);
    }

    private static ForeignKey fk(String child, String column, String parent, String parentColumn, Rule onDelete) {
        return new ForeignKey(child + "_" + column, child, List.of(column), parent, List.of(parentColumn), onDelete,
                Rule.NONE);
    }

    @Test
    void theSyncFollowsTheCascadesNoParentRowCovers() {
        // the keys among the default captured tables in Magento 2.4's schema (and the stand-in's)
        List<ForeignKey> keys = new ArrayList<>();
        for (String t : List.of("datetime", "decimal", "int", "text", "varchar")) {
            keys.add(fk("catalog_product_entity_" + t, "entity_id", "catalog_product_entity", "entity_id", Rule.CASCADE));
            keys.add(fk("catalog_product_entity_" + t, "attribute_id", "eav_attribute", "attribute_id", Rule.CASCADE));
        }
        keys.add(fk("catalog_eav_attribute", "attribute_id", "eav_attribute", "attribute_id", Rule.CASCADE));
        keys.add(fk("catalog_product_website", "product_id", "catalog_product_entity", "entity_id", Rule.CASCADE));
        keys.add(fk("catalog_category_product", "product_id", "catalog_product_entity", "entity_id", Rule.CASCADE));
        keys.add(fk("catalog_product_super_attribute", "product_id", "catalog_product_entity", "entity_id",
                Rule.CASCADE));
        keys.add(fk("catalog_product_super_attribute_label", "product_super_attribute_id",
                "catalog_product_super_attribute", "product_super_attribute_id", Rule.CASCADE));
        ForeignKey superLinkChild = fk("catalog_product_super_link", "product_id", "catalog_product_entity",
                "entity_id", Rule.CASCADE);
        keys.add(superLinkChild);
        keys.add(fk("catalog_product_super_link", "parent_id", "catalog_product_entity", "entity_id", Rule.CASCADE));
        keys.add(fk("cataloginventory_stock_item", "product_id", "catalog_product_entity", "entity_id", Rule.CASCADE));
        keys.add(fk("customer_address_entity", "parent_id", "customer_entity", "entity_id", Rule.CASCADE));
        ForeignKey orderCustomer = fk("sales_order", "customer_id", "customer_entity", "entity_id", Rule.SET_NULL);
        keys.add(orderCustomer);
        keys.add(fk("sales_order_item", "order_id", "sales_order", "entity_id", Rule.CASCADE));
        keys.add(fk("sales_order_address", "parent_id", "sales_order", "entity_id", Rule.CASCADE));
        keys.add(fk("sales_order_payment", "parent_id", "sales_order", "entity_id", Rule.CASCADE));
        // were the store tables captured: category links follow, value rows by store do not
        ForeignKey categoryLinks = fk("catalog_category_product", "category_id", "catalog_category_entity",
                "entity_id", Rule.CASCADE);
        keys.add(categoryLinks);
        keys.add(fk("catalog_product_entity_int", "store_id", "store", "store_id", Rule.CASCADE));

        assertThat(keys.stream().filter(Handlers.cascadesToFollow(Handlers.all(new AttributeCatalog()))))
                .containsExactly(superLinkChild, orderCustomer, categoryLinks);
    }

    @Test
    void theStoreTablesGiveOneDirectoryPerSnapshotAndOnePerStreamedBatch() {
        StoreDirectoryHandler h = new StoreDirectoryHandler();
        SourcePosition snapshot = new SourcePosition("mariadb-bin.000001", 4, 0, 0, null, 0, true);
        PendingChanges first = new PendingChanges();
        h.collect(new RowChange("store_website", RowChange.Kind.READ, null, cols("website_id", 1), snapshot), first);
        h.collect(new RowChange("store_group", RowChange.Kind.READ, null, cols("group_id", 1), snapshot), first);
        assertThat(first.ids()).containsExactly(StoreDirectoryHandler.DIRECTORY_ID);
        PendingChanges second = new PendingChanges();
        h.collect(new RowChange("store", RowChange.Kind.READ, null, cols("store_id", 1), snapshot), second);
        assertThat(second.ids()).as("a later batch of the same snapshot").isEmpty();

        PendingChanges streamed = new PendingChanges();
        h.collect(row("store", RowChange.Kind.CREATE, null, cols("store_id", 2, "code", "nl")), streamed);
        h.collect(row("store", RowChange.Kind.DELETE, cols("store_id", 2, "code", "nl"), null), streamed);
        assertThat(streamed.ids()).containsExactly(StoreDirectoryHandler.DIRECTORY_ID);
    }
}
